CREATE TABLE `sms_batch` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`filters` text NOT NULL,
	`motivo` text NOT NULL,
	`template` text NOT NULL,
	`category` text DEFAULT 'aviso' NOT NULL,
	`created_by` text NOT NULL,
	`provider_account_id` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`deselected_customer_ids` text DEFAULT '[]' NOT NULL,
	`recipients` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_account_id`) REFERENCES `provider_account`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_batch_idempotency_uq` ON `sms_batch` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `sms_batch_status_idx` ON `sms_batch` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `sms_batch_recipient` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`customer_id` integer,
	`phone_e164` text NOT NULL,
	`message_id` integer,
	`attempt` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `sms_batch`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customer`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`message_id`) REFERENCES `sms_message`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_batch_recipient_batch_phone_uq` ON `sms_batch_recipient` (`batch_id`,`phone_e164`);--> statement-breakpoint
CREATE INDEX `sms_batch_recipient_batch_idx` ON `sms_batch_recipient` (`batch_id`,`id`);--> statement-breakpoint
CREATE INDEX `sms_batch_recipient_message_idx` ON `sms_batch_recipient` (`message_id`) WHERE "sms_batch_recipient"."message_id" is not null;