CREATE TABLE `account` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`user_id` text NOT NULL,
	`access_token` text,
	`refresh_token` text,
	`id_token` text,
	`access_token_expires_at` integer,
	`refresh_token_expires_at` integer,
	`scope` text,
	`password` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `account_user_idx` ON `account` (`user_id`);--> statement-breakpoint
CREATE TABLE `login_failure` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL,
	`token` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`user_id` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_token_unique` ON `session` (`token`);--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`role` text DEFAULT 'tecnico' NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE TABLE `verification` (
	`id` text PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `verification_identifier_idx` ON `verification` (`identifier`);--> statement-breakpoint
CREATE TABLE `connection` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`login` text NOT NULL,
	`plan_id` integer NOT NULL,
	`server_id` integer NOT NULL,
	`access_point_id` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`ipv4` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customer`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`server_id`) REFERENCES `server`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`access_point_id`) REFERENCES `access_point`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `connection_login_uq` ON `connection` (`login`);--> statement-breakpoint
CREATE INDEX `connection_customer_idx` ON `connection` (`customer_id`);--> statement-breakpoint
CREATE INDEX `connection_access_point_customer_idx` ON `connection` (`access_point_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `connection_server_customer_idx` ON `connection` (`server_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `connection_plan_customer_idx` ON `connection` (`plan_id`,`customer_id`);--> statement-breakpoint
CREATE TABLE `customer` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`search_name` text NOT NULL,
	`person_type` text NOT NULL,
	`document` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`email` text,
	`city_id` integer NOT NULL,
	`neighbourhood_id` integer,
	`street_id` integer,
	`address_number` text,
	`address_complement` text,
	`payment_profile_id` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `city`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhood`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`street_id`) REFERENCES `street`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_profile_id`) REFERENCES `payment_profile`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_code_uq` ON `customer` (`code`);--> statement-breakpoint
CREATE INDEX `customer_document_idx` ON `customer` (`document`);--> statement-breakpoint
CREATE INDEX `customer_search_name_idx` ON `customer` (`search_name`);--> statement-breakpoint
CREATE INDEX `customer_city_nbh_street_status_idx` ON `customer` (`city_id`,`neighbourhood_id`,`street_id`,`status`);--> statement-breakpoint
CREATE INDEX `customer_payment_profile_status_idx` ON `customer` (`payment_profile_id`,`status`);--> statement-breakpoint
CREATE TABLE `phone` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`e164` text NOT NULL,
	`is_primary` integer DEFAULT false NOT NULL,
	`label` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customer`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `phone_customer_e164_uq` ON `phone` (`customer_id`,`e164`);--> statement-breakpoint
CREATE UNIQUE INDEX `phone_customer_primary_kind_uq` ON `phone` (`customer_id`,`kind`) WHERE "phone"."is_primary" = 1;--> statement-breakpoint
CREATE INDEX `phone_customer_kind_primary_idx` ON `phone` (`customer_id`,`kind`,`is_primary`);--> statement-breakpoint
CREATE INDEX `phone_e164_idx` ON `phone` (`e164`);--> statement-breakpoint
CREATE TABLE `access_point` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`server_id` integer NOT NULL,
	`city_id` integer,
	`technology` text DEFAULT 'fibra' NOT NULL,
	FOREIGN KEY (`server_id`) REFERENCES `server`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`city_id`) REFERENCES `city`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_point_name_unique` ON `access_point` (`name`);--> statement-breakpoint
CREATE INDEX `access_point_server_idx` ON `access_point` (`server_id`);--> statement-breakpoint
CREATE TABLE `city` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`uf` text NOT NULL,
	`ibge_code` text,
	`time_zone` text DEFAULT 'America/Sao_Paulo' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `city_name_uf_uq` ON `city` (`name`,`uf`);--> statement-breakpoint
CREATE TABLE `neighbourhood` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`city_id` integer NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`city_id`) REFERENCES `city`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `neighbourhood_city_name_uq` ON `neighbourhood` (`city_id`,`name`);--> statement-breakpoint
CREATE TABLE `payment_profile` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`method` text NOT NULL,
	`due_day` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_profile_name_unique` ON `payment_profile` (`name`);--> statement-breakpoint
CREATE TABLE `plan` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`download_mbps` integer NOT NULL,
	`upload_mbps` integer NOT NULL,
	`price_cents` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_name_unique` ON `plan` (`name`);--> statement-breakpoint
CREATE TABLE `server` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`host` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `server_name_unique` ON `server` (`name`);--> statement-breakpoint
CREATE TABLE `street` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`name` text NOT NULL,
	`postal_code` text,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhood`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `street_neighbourhood_name_uq` ON `street` (`neighbourhood_id`,`name`);