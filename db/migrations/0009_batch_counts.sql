CREATE TABLE `sms_batch_counts` (
	`batch_id` integer NOT NULL,
	`status` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`batch_id`, `status`),
	FOREIGN KEY (`batch_id`) REFERENCES `sms_batch`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP INDEX `sms_message_batch_idx`;--> statement-breakpoint
CREATE INDEX `sms_message_batch_status_next_idx` ON `sms_message` (`batch_id`,`status`,`next_attempt_at`);--> statement-breakpoint
-- Kept in the statement that changes a recipient's message or a message's status, so the counts
-- cannot lag the ledger. A recipient counts under its current message's status ("reenviar falhas"
-- unlinks the failed message and links a new one later); unlinked recipients are not counted here.
CREATE TRIGGER `sms_batch_counts_recipient_insert` AFTER INSERT ON `sms_batch_recipient` WHEN new.`message_id` IS NOT NULL BEGIN
  INSERT INTO `sms_batch_counts` (`batch_id`, `status`, `n`)
    SELECT new.`batch_id`, m.`status`, 1 FROM `sms_message` m WHERE m.`id` = new.`message_id`
    ON CONFLICT (`batch_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `sms_batch_counts_recipient_link` AFTER UPDATE OF `message_id`, `batch_id` ON `sms_batch_recipient`
WHEN old.`message_id` IS NOT new.`message_id` OR old.`batch_id` IS NOT new.`batch_id` BEGIN
  UPDATE `sms_batch_counts` SET `n` = `n` - 1
    WHERE `batch_id` = old.`batch_id` AND `status` = (SELECT m.`status` FROM `sms_message` m WHERE m.`id` = old.`message_id`);
  INSERT INTO `sms_batch_counts` (`batch_id`, `status`, `n`)
    SELECT new.`batch_id`, m.`status`, 1 FROM `sms_message` m WHERE m.`id` = new.`message_id`
    ON CONFLICT (`batch_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
CREATE TRIGGER `sms_batch_counts_recipient_delete` AFTER DELETE ON `sms_batch_recipient` WHEN old.`message_id` IS NOT NULL BEGIN
  UPDATE `sms_batch_counts` SET `n` = `n` - 1
    WHERE `batch_id` = old.`batch_id` AND `status` = (SELECT m.`status` FROM `sms_message` m WHERE m.`id` = old.`message_id`);
END;--> statement-breakpoint
CREATE TRIGGER `sms_batch_counts_message_status` AFTER UPDATE OF `status` ON `sms_message` WHEN old.`status` IS NOT new.`status` BEGIN
  UPDATE `sms_batch_counts` SET `n` = `n` - 1
    WHERE `status` = old.`status` AND `batch_id` IN (SELECT r.`batch_id` FROM `sms_batch_recipient` r WHERE r.`message_id` = new.`id`);
  INSERT INTO `sms_batch_counts` (`batch_id`, `status`, `n`)
    SELECT r.`batch_id`, new.`status`, 1 FROM `sms_batch_recipient` r WHERE r.`message_id` = new.`id`
    ON CONFLICT (`batch_id`, `status`) DO UPDATE SET `n` = `n` + 1;
END;--> statement-breakpoint
INSERT INTO `sms_batch_counts` (`batch_id`, `status`, `n`)
  SELECT r.`batch_id`, m.`status`, count(*) FROM `sms_batch_recipient` r JOIN `sms_message` m ON m.`id` = r.`message_id`
  GROUP BY r.`batch_id`, m.`status`;
