namespace CallCenter.Actors.Projections;

/// <summary>The SQLite tables of the call-record read model. Times are UTC ISO-8601 text, so they sort and compare as strings.</summary>
internal static class SqliteCallRecordSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS call_records (
            call_id       TEXT    NOT NULL PRIMARY KEY,
            queue_id      TEXT    NULL,
            caller        TEXT    NULL,
            priority      INTEGER NOT NULL DEFAULT 0,
            agent_id      TEXT    NULL,
            arrived_at    TEXT    NULL,
            answered_at   TEXT    NULL,
            ended_at      TEXT    NULL,
            wait_seconds  REAL    NULL,
            talk_seconds  REAL    NULL,
            failed_offers INTEGER NOT NULL DEFAULT 0,
            disposition   TEXT    NULL
        );
        CREATE INDEX IF NOT EXISTS ix_call_records_arrived_at ON call_records (arrived_at);
        CREATE INDEX IF NOT EXISTS ix_call_records_queue_arrived ON call_records (queue_id, arrived_at);
        CREATE TABLE IF NOT EXISTS projection_offsets (
            projection    TEXT    NOT NULL PRIMARY KEY,
            last_ordering INTEGER NOT NULL,
            updated_at    TEXT    NOT NULL
        );
        """;

    public const string Columns =
        "call_id, queue_id, caller, priority, agent_id, arrived_at, answered_at, ended_at, wait_seconds, talk_seconds, failed_offers, disposition";

    public const string Upsert = $"""
        INSERT INTO call_records ({Columns})
        VALUES ($call_id, $queue_id, $caller, $priority, $agent_id, $arrived_at, $answered_at, $ended_at, $wait_seconds, $talk_seconds, $failed_offers, $disposition)
        ON CONFLICT (call_id) DO UPDATE SET
            queue_id = excluded.queue_id, caller = excluded.caller, priority = excluded.priority, agent_id = excluded.agent_id,
            arrived_at = excluded.arrived_at, answered_at = excluded.answered_at, ended_at = excluded.ended_at,
            wait_seconds = excluded.wait_seconds, talk_seconds = excluded.talk_seconds,
            failed_offers = excluded.failed_offers, disposition = excluded.disposition;
        """;

    public const string SelectOne = $"SELECT {Columns} FROM call_records WHERE call_id = $call_id;";

    public const string SelectOffset = "SELECT last_ordering FROM projection_offsets WHERE projection = $projection;";

    public const string UpsertOffset = """
        INSERT INTO projection_offsets (projection, last_ordering, updated_at) VALUES ($projection, $last_ordering, $updated_at)
        ON CONFLICT (projection) DO UPDATE SET last_ordering = excluded.last_ordering, updated_at = excluded.updated_at;
        """;
}
