using Microsoft.Data.Sqlite;

namespace CallCenter.EndToEnd.Tests.Kit;

/// <summary>One row of the node's <c>call_records</c> read model, as the tests read it straight from its database.</summary>
internal sealed record CallRecordRow(
    string CallId, string? QueueId, string? AgentId, string? Disposition, string? AnsweredAt, string? EndedAt, long FailedOffers);

internal static class CallRecordRows
{
    public static async Task<IReadOnlyList<CallRecordRow>> ReadAsync(string database)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        await using var sqlite = new SqliteConnection(connection.ToString());
        await sqlite.OpenAsync();
        await using var exists = sqlite.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'call_records';";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return [];
        }

        await using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT call_id, queue_id, agent_id, disposition, answered_at, ended_at, failed_offers FROM call_records ORDER BY arrived_at;";
        var rows = new List<CallRecordRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new CallRecordRow(
                reader.GetString(0), Nullable(reader, 1), Nullable(reader, 2), Nullable(reader, 3), Nullable(reader, 4), Nullable(reader, 5),
                reader.GetInt64(6)));
        }

        return rows;
    }

    /// <summary>Polls until <paramref name="done"/> holds for the rows (the projection writes in batches).</summary>
    public static async Task<IReadOnlyList<CallRecordRow>> WaitForAsync(string database, Func<IReadOnlyList<CallRecordRow>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var rows = await ReadAsync(database);
            if (done(rows))
            {
                return rows;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"call records never matched within {timeout}; last: {string.Join("; ", rows.Select(r => $"{r.CallId} {r.AgentId} {r.Disposition}"))}");
            }

            await Task.Delay(250);
        }
    }

    private static string? Nullable(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
