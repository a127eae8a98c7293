-- Reviewer-written rollback: restores the one-argument procedure (replaces the generated rollback).
DROP PROCEDURE IF EXISTS close_invoice;
DELIMITER $$
CREATE PROCEDURE close_invoice(IN p_invoice INT)
BEGIN
  UPDATE invoices SET status = 'closed' WHERE id = p_invoice;
END$$
DELIMITER ;
