using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CallCenter.EndToEnd.Tests.Kit;

/// <summary>One row of the <c>call_records</c> read model, as the tests read it straight from its database (a node's
/// SQLite file, or the cluster's PostgreSQL schema). Times are ISO-8601 text on both.</summary>
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

    /// <summary>The rows of the cluster's table in the schema <paramref name="connectionString"/> searches.</summary>
    public static async Task<IReadOnlyList<CallRecordRow>> ReadPostgreSqlAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('call_records') IS NOT NULL;", connection))
        {
            if (await exists.ExecuteScalarAsync() is not true)
            {
                return [];
            }
        }

        await using var command = new NpgsqlCommand(
            "SELECT call_id, queue_id, agent_id, disposition, answered_at, ended_at, failed_offers FROM call_records ORDER BY arrived_at;", connection);
        var rows = new List<CallRecordRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new CallRecordRow(
                reader.GetString(0), Nullable(reader, 1), Nullable(reader, 2), Nullable(reader, 3), Time(reader, 4), Time(reader, 5),
                reader.GetInt32(6)));
        }

        return rows;
    }

    /// <summary>Polls the node's SQLite file until <paramref name="done"/> holds for the rows (the projection writes in batches).</summary>
    public static Task<IReadOnlyList<CallRecordRow>> WaitForAsync(string database, Func<IReadOnlyList<CallRecordRow>, bool> done, TimeSpan timeout) =>
        WaitForAsync(() => ReadAsync(database), done, timeout);

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds for the rows.</summary>
    public static async Task<IReadOnlyList<CallRecordRow>> WaitForAsync(
        Func<Task<IReadOnlyList<CallRecordRow>>> read, Func<IReadOnlyList<CallRecordRow>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var rows = await read();
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

    private static string? Nullable(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static string? Time(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : reader.GetFieldValue<DateTimeOffset>(column).ToString("O", CultureInfo.InvariantCulture);
}
