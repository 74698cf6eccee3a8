namespace CallCenter.Actors.Projections;

/// <summary>
/// The PostgreSQL tables of the call-record read model, in the connection's search path (the journal's schema). The same
/// rows as <see cref="SqliteCallRecordSchema"/>, with PostgreSQL's own types for times and numbers.
/// </summary>
internal static class PostgreSqlCallRecordSchema
{
    /// <summary>Serialises the CREATEs of nodes starting together: concurrent CREATE TABLE IF NOT EXISTS can still collide
    /// on the catalog's unique index. Any constant works; this one is "callrec" in ASCII.</summary>
    public const long CreateLock = 0x63616c6c726563;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS call_records (
            call_id       text             NOT NULL PRIMARY KEY,
            queue_id      text             NULL,
            caller        text             NULL,
            priority      integer          NOT NULL DEFAULT 0,
            agent_id      text             NULL,
            arrived_at    timestamptz      NULL,
            answered_at   timestamptz      NULL,
            ended_at      timestamptz      NULL,
            wait_seconds  double precision NULL,
            talk_seconds  double precision NULL,
            failed_offers integer          NOT NULL DEFAULT 0,
            disposition   text             NULL
        );
        CREATE INDEX IF NOT EXISTS ix_call_records_arrived_at ON call_records (arrived_at);
        CREATE INDEX IF NOT EXISTS ix_call_records_queue_arrived ON call_records (queue_id, arrived_at);
        CREATE TABLE IF NOT EXISTS projection_offsets (
            projection    text        NOT NULL PRIMARY KEY,
            last_ordering bigint      NOT NULL,
            updated_at    timestamptz NOT NULL
        );
        """;

    public const string SelectRange = $"""
        SELECT {CallRecordSql.Columns} FROM call_records
        WHERE (@from::timestamptz IS NULL OR arrived_at >= @from) AND (@until::timestamptz IS NULL OR arrived_at < @until)
        ORDER BY arrived_at, call_id;
        """;

    /// <summary>Makes sure the offset row exists, then locks it: every node's projection writes a batch only while it holds
    /// this row, and sees the offset the previous holder committed.</summary>
    public const string LockOffset = """
        INSERT INTO projection_offsets (projection, last_ordering, updated_at) VALUES (@projection, 0, @updated_at)
        ON CONFLICT (projection) DO NOTHING;
        SELECT last_ordering FROM projection_offsets WHERE projection = @projection FOR UPDATE;
        """;

    public const string UpdateOffset =
        "UPDATE projection_offsets SET last_ordering = @last_ordering, updated_at = @updated_at WHERE projection = @projection;";
}
