using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Slipway.Service.Queue.Sqlite;

/// <summary>
/// The one connection that writes the queue. Writes that arrive together share one transaction, so one
/// fsync makes a whole burst of webhooks durable; each write runs in a savepoint of its own, so one that
/// fails rolls back alone. A write's task completes only after its transaction is committed.
/// </summary>
internal sealed class SqliteWriteBatcher : IAsyncDisposable
{
    private const int MaxBatch = 512;

    private readonly Channel<IWriteJob> _jobs = Channel.CreateUnbounded<IWriteJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly Task _loop;

    public SqliteWriteBatcher(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var pragma = _connection.CreateCommand())
        {
            // FULL: the WAL is synced at every commit, so an answered webhook survives a power cut, not only a crash.
            pragma.CommandText = "PRAGMA synchronous = FULL;";
            pragma.ExecuteNonQuery();
        }

        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Runs <paramref name="work"/> in the next transaction and returns its result once that transaction is committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        var job = new WriteJob<T>(work);
        if (!_jobs.Writer.TryWrite(job))
        {
            throw new ObjectDisposedException(nameof(SqliteWriteBatcher), "The run queue is closed.");
        }

        return job.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _jobs.Writer.TryComplete();
        await _loop;
        await _connection.DisposeAsync();
    }

    private async Task LoopAsync()
    {
        var batch = new List<IWriteJob>(MaxBatch);
        while (await _jobs.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _jobs.Reader.TryRead(out var job))
            {
                batch.Add(job);
            }

            RunBatch(batch);
        }
    }

    private void RunBatch(List<IWriteJob> batch)
    {
        var done = new List<IWriteJob>(batch.Count);
        try
        {
            using var transaction = _connection.BeginTransaction(deferred: false);
            foreach (var job in batch)
            {
                transaction.Save("job");
                try
                {
                    job.Execute(_connection, transaction);
                    transaction.Release("job");
                    done.Add(job);
                }
                catch (Exception exception)
                {
                    transaction.Rollback("job");
                    transaction.Release("job");
                    job.Fail(exception);
                }
            }

            transaction.Commit();
        }
        catch (Exception exception)
        {
            // Nothing of the batch was committed; jobs that already failed on their own keep their own error.
            foreach (var job in batch)
            {
                job.Fail(exception);
            }

            return;
        }

        foreach (var job in done)
        {
            job.Complete();
        }
    }

    private interface IWriteJob
    {
        void Execute(SqliteConnection connection, SqliteTransaction transaction);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class WriteJob<T>(Func<SqliteConnection, SqliteTransaction, T> work) : IWriteJob
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public void Execute(SqliteConnection connection, SqliteTransaction transaction) => _result = work(connection, transaction);

        public void Complete() => _completion.TrySetResult(_result!);

        public void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
