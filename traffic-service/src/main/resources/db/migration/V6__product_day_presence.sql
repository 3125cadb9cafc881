-- A product-day row says that the product's detail page had a visitor that day (viewedProducts
-- counts distinct products over such rows); nothing read the view count, and keeping it meant
-- updating every product row of every batch.
ALTER TABLE product_day DROP COLUMN views;
