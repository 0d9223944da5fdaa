namespace Slipway.Service.Schedules;

/// <summary>Work a schedule starts.</summary>
public interface IScheduledJob
{
    /// <summary>A short name for logs and the page.</summary>
    string Name { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
