CREATE TABLE `app_setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`updated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`detail` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_user_idx` ON `audit_log` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `opt_out` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`phone_e164` text NOT NULL,
	`source` text NOT NULL,
	`detail` text,
	`provider_account_id` integer,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`lifted_at` integer,
	`lifted_by` text,
	FOREIGN KEY (`provider_account_id`) REFERENCES `provider_account`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lifted_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `opt_out_active_phone_uq` ON `opt_out` (`phone_e164`) WHERE "opt_out"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX `opt_out_phone_idx` ON `opt_out` (`phone_e164`);--> statement-breakpoint
CREATE TABLE `provider_account` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`sender` text,
	`config` text DEFAULT '{}' NOT NULL,
	`credentials_enc` text NOT NULL,
	`credentials_masked` text DEFAULT '{}' NOT NULL,
	`webhook_secret` text NOT NULL,
	`rate_per_second` integer DEFAULT 10 NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provider_account_default_uq` ON `provider_account` (`is_default`) WHERE "provider_account"."is_default" = 1;--> statement-breakpoint
CREATE TABLE `sms_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` integer NOT NULL,
	`type` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`detail` text,
	`at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `sms_message`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sms_event_message_idx` ON `sms_event` (`message_id`,`at`);--> statement-breakpoint
CREATE TABLE `sms_inbound` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_account_id` integer NOT NULL,
	`provider_message_id` text,
	`from_e164` text NOT NULL,
	`to_address` text,
	`body` text NOT NULL,
	`opt_out` integer DEFAULT false NOT NULL,
	`received_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`provider_account_id`) REFERENCES `provider_account`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sms_inbound_from_idx` ON `sms_inbound` (`from_e164`,`received_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `sms_inbound_provider_msg_uq` ON `sms_inbound` (`provider_account_id`,`provider_message_id`);--> statement-breakpoint
CREATE TABLE `sms_message` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ref` text NOT NULL,
	`origin` text NOT NULL,
	`category` text DEFAULT 'operacional' NOT NULL,
	`customer_id` integer,
	`phone_e164` text NOT NULL,
	`batch_id` integer,
	`motivo` text NOT NULL,
	`body` text NOT NULL,
	`encoding` text NOT NULL,
	`segments` integer NOT NULL,
	`characters` integer NOT NULL,
	`status` text NOT NULL,
	`provider_account_id` integer,
	`provider_message_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`lease_until` integer,
	`last_error_code` text,
	`last_error_message` text,
	`created_by` text,
	`idempotency_key` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`sent_at` integer,
	`final_at` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customer`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`provider_account_id`) REFERENCES `provider_account`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_message_ref_uq` ON `sms_message` (`ref`);--> statement-breakpoint
CREATE UNIQUE INDEX `sms_message_idempotency_uq` ON `sms_message` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `sms_message_status_next_idx` ON `sms_message` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `sms_message_provider_msg_idx` ON `sms_message` (`provider_account_id`,`provider_message_id`);--> statement-breakpoint
CREATE INDEX `sms_message_origin_created_idx` ON `sms_message` (`origin`,`created_at`);--> statement-breakpoint
CREATE INDEX `sms_message_created_by_idx` ON `sms_message` (`created_by`,`created_at`);--> statement-breakpoint
CREATE INDEX `sms_message_customer_idx` ON `sms_message` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `sms_message_batch_idx` ON `sms_message` (`batch_id`,`status`);--> statement-breakpoint
CREATE INDEX `sms_message_created_idx` ON `sms_message` (`created_at`);