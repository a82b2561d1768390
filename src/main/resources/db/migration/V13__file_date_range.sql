-- A file (卷) carries the date range of the records it holds (起止日期, DA/T 18-2022 for 案卷级 description),
-- given when it is created or later as its items are arranged.
ALTER TABLE volume ADD COLUMN start_date DATE;
ALTER TABLE volume ADD COLUMN end_date DATE;
