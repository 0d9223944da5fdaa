namespace Slipway.Service.Schedules;

/// <summary>A scheduled job that queues one pipeline for one app: the page links its runs from the job.</summary>
public interface IAppJob : IScheduledJob
{
    /// <summary>The app whose runs the job queues.</summary>
    string AppName { get; }

    /// <summary>The pipeline the job queues (<see cref="Slipway.Status.PipelineNames"/>).</summary>
    string Pipeline { get; }
}
