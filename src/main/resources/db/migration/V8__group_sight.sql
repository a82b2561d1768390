-- Who may write in a group (GroupGate): a write that numbers, moves or closes up in a group is let in only when the
-- group holds no record beyond the writer's sight. That question is asked on every such write: this index answers it
-- by seeking to the group's records of the classifications and open statuses beyond the writer, in the same time
-- however large the group (9,999 items) and however many of them are hidden. One script for H2 and PostgreSQL.
CREATE INDEX item_sight ON item (group_key, classification, open_status);
