using System.Runtime.CompilerServices;
using Slipway.Aws.Runtime;

namespace Slipway.Aws.Logs;

/// <summary>The CloudWatch Logs calls Slipway makes: the task log group and reading a task's stream.</summary>
internal sealed class CloudWatchLogsClient(JsonProtocol protocol)
{
    /// <summary>Creates the group; a group that already exists is fine.</summary>
    public async Task CreateLogGroupAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await protocol.CallAsync<CreateLogGroupRequest, NoContent>(LogsOperations.CreateLogGroup, new CreateLogGroupRequest(name), cancellationToken);
        }
        catch (AwsException exception) when (exception.ErrorCode == "ResourceAlreadyExistsException")
        {
        }
    }

    public Task PutRetentionPolicyAsync(string name, int days, CancellationToken cancellationToken) =>
        protocol.CallAsync<PutRetentionPolicyRequest, NoContent>(LogsOperations.PutRetentionPolicy, new PutRetentionPolicyRequest(name, days), cancellationToken);

    /// <summary>The stream's last <paramref name="count"/> events, oldest first; none when the stream does not exist.</summary>
    public async Task<IReadOnlyList<LogEvent>> ReadTailAsync(string group, string stream, int count, CancellationToken cancellationToken)
    {
        try
        {
            var page = await protocol.CallAsync<GetLogEventsRequest, GetLogEventsResponse>(
                LogsOperations.GetLogEvents, new GetLogEventsRequest(group, stream, StartFromHead: false, NextToken: null, count), cancellationToken);
            return page.Events ?? [];
        }
        catch (AwsException exception) when (exception.ErrorCode == "ResourceNotFoundException")
        {
            return [];
        }
    }

    /// <summary>
    /// The events written after <paramref name="token"/> (from the start when null) and the token to ask with next
    /// time; no events and the same token while nothing new was written. A stream not made yet has no events.
    /// </summary>
    public async Task<(IReadOnlyList<LogEvent> Events, string? NextToken)> ReadNewAsync(
        string group, string stream, string? token, int? pageSize, CancellationToken cancellationToken)
    {
        try
        {
            var page = await protocol.CallAsync<GetLogEventsRequest, GetLogEventsResponse>(
                LogsOperations.GetLogEvents, new GetLogEventsRequest(group, stream, StartFromHead: true, token, pageSize), cancellationToken);
            return (page.Events ?? [], page.NextForwardToken ?? token);
        }
        catch (AwsException exception) when (exception.ErrorCode == "ResourceNotFoundException")
        {
            return ([], token);
        }
    }

    /// <summary>
    /// The stream's events from its start, page by page, until the forward token stops changing (that is
    /// how CloudWatch says there is nothing more). A stream that does not exist yields nothing.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<LogEvent>> ReadStreamAsync(
        string group,
        string stream,
        int? pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        while (true)
        {
            GetLogEventsResponse page;
            try
            {
                page = await protocol.CallAsync<GetLogEventsRequest, GetLogEventsResponse>(
                    LogsOperations.GetLogEvents, new GetLogEventsRequest(group, stream, StartFromHead: true, token, pageSize), cancellationToken);
            }
            catch (AwsException exception) when (exception.ErrorCode == "ResourceNotFoundException" && token is null)
            {
                yield break;
            }

            if (page.Events is { Count: > 0 } events)
            {
                yield return events;
            }

            if (page.NextForwardToken is null || page.NextForwardToken == token)
            {
                yield break;
            }

            token = page.NextForwardToken;
        }
    }
}
