namespace CallCenter.Actors.Projections;

/// <summary>
/// The call-record statements that SQLite and PostgreSQL both take as written: @name parameters, ON CONFLICT ... DO
/// UPDATE. Each database's own statements (tables, time ranges, the offset guard) are in its schema class.
/// </summary>
internal static class CallRecordSql
{
    /// <summary>What <see cref="SqlCallRecordStore{TConnection, TTransaction}"/> reads back, in this order.</summary>
    public const string Columns =
        "call_id, queue_id, caller, priority, agent_id, arrived_at, answered_at, ended_at, wait_seconds, talk_seconds, failed_offers, disposition";

    public const string Upsert = $"""
        INSERT INTO call_records ({Columns})
        VALUES (@call_id, @queue_id, @caller, @priority, @agent_id, @arrived_at, @answered_at, @ended_at, @wait_seconds, @talk_seconds, @failed_offers, @disposition)
        ON CONFLICT (call_id) DO UPDATE SET
            queue_id = excluded.queue_id, caller = excluded.caller, priority = excluded.priority, agent_id = excluded.agent_id,
            arrived_at = excluded.arrived_at, answered_at = excluded.answered_at, ended_at = excluded.ended_at,
            wait_seconds = excluded.wait_seconds, talk_seconds = excluded.talk_seconds,
            failed_offers = excluded.failed_offers, disposition = excluded.disposition;
        """;

    public const string SelectOne = $"SELECT {Columns} FROM call_records WHERE call_id = @call_id;";

    public const string SelectOffset = "SELECT last_ordering FROM projection_offsets WHERE projection = @projection;";
}
