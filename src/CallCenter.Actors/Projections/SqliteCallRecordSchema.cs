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

    public const string SelectRange = $"""
        SELECT {CallRecordSql.Columns} FROM call_records
        WHERE (@from IS NULL OR arrived_at >= @from) AND (@until IS NULL OR arrived_at < @until)
        ORDER BY arrived_at, call_id;
        """;

    public const string UpsertOffset = """
        INSERT INTO projection_offsets (projection, last_ordering, updated_at) VALUES (@projection, @last_ordering, @updated_at)
        ON CONFLICT (projection) DO UPDATE SET last_ordering = excluded.last_ordering, updated_at = excluded.updated_at;
        """;
}
