using System.Collections.Immutable;
using Akka.Persistence;

namespace CallCenter.Actors.Persistence;

/// <summary>One entity's write waiting in a <see cref="GroupCommitSqlWriteJournal"/> group, and its own result.</summary>
internal sealed class GroupedWrite(IReadOnlyList<AtomicWrite> writes)
{
    public IReadOnlyList<AtomicWrite> Writes { get; } = writes;

    public int Rows { get; } = writes.Sum(w => ((IImmutableList<IPersistentRepresentation>)w.Payload).Count);

    public TaskCompletionSource<IImmutableList<Exception>> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IEnumerable<string> PersistenceIds() => Writes.Select(w => w.PersistenceId).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Hands each write its part of the group's result: the plugin answers with one rejection (or null) per
    /// <see cref="AtomicWrite"/>, in order, or null when all were stored, or fails the whole transaction.
    /// </summary>
    public static void Complete(List<GroupedWrite> group, Task<IImmutableList<Exception>> stored)
    {
        if (stored.IsFaulted || stored.IsCanceled)
        {
            var failure = stored.Exception?.InnerExceptions.Count == 1
                ? stored.Exception.InnerException!
                : (Exception?)stored.Exception ?? new TaskCanceledException("The grouped journal write was cancelled.");
            foreach (var write in group)
            {
                write.Completion.TrySetException(failure);
            }

            return;
        }

        var rejections = stored.Result;
        var offset = 0;
        foreach (var write in group)
        {
            write.Completion.TrySetResult(rejections is null ? null! : Slice(rejections, offset, write.Writes.Count));
            offset += write.Writes.Count;
        }
    }

    private static IImmutableList<Exception> Slice(IImmutableList<Exception> rejections, int offset, int count)
    {
        var slice = ImmutableList.CreateBuilder<Exception>();
        for (var i = offset; i < offset + count && i < rejections.Count; i++)
        {
            slice.Add(rejections[i]);
        }

        return slice.ToImmutable();
    }
}
