DROP TRIGGER IF EXISTS order_items_ad;
CREATE TRIGGER order_items_ad AFTER DELETE ON order_items
FOR EACH ROW
  UPDATE inventory SET on_hand = on_hand + OLD.qty WHERE sku = OLD.sku;
