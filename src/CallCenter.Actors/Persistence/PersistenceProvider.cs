namespace CallCenter.Actors.Persistence;

/// <summary>Where the journal and snapshots live.</summary>
public enum PersistenceProvider
{
    /// <summary>One SQLite file: the single-process default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by the nodes of a cluster.</summary>
    PostgreSql,
}
