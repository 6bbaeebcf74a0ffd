ALTER TABLE `sms_batch` ADD `actor` text;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `actor` text;--> statement-breakpoint
ALTER TABLE `sms_message` ADD `actor` text;--> statement-breakpoint
UPDATE `sms_batch` SET `actor` = 'user:' || `created_by` WHERE `created_by` IS NOT NULL;--> statement-breakpoint
UPDATE `audit_log` SET `actor` = 'user:' || `user_id` WHERE `user_id` IS NOT NULL;--> statement-breakpoint
UPDATE `sms_message` SET `actor` = 'user:' || `created_by` WHERE `created_by` IS NOT NULL;
