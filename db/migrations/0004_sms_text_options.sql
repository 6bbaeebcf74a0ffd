ALTER TABLE `sms_batch` ADD `max_parts` integer;--> statement-breakpoint
ALTER TABLE `provider_account` ADD `strip_accents` integer DEFAULT true NOT NULL;