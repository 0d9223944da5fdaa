using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;

namespace Slipway.Docker.Engine;

/// <summary>
/// Follows the classic builder's progress stream: joins its "stream" fragments into lines, keeps track of the
/// current Dockerfile step and the last lines that step printed, and notes the built image's id.
/// </summary>
internal sealed partial class BuildOutputTracker(Action<string>? onLine)
{
    private const int KeptLines = 15;

    private readonly StringBuilder partialLine = new();
    private readonly TransferProgress pulls = new("Pulling", onLine);
    private readonly Queue<string> stepOutput = new();

    /// <summary>The instruction of the step being run, e.g. "RUN composer install".</summary>
    public string? CurrentStep { get; private set; }

    /// <summary>The full image id from the stream's aux message.</summary>
    public string? ImageId { get; private set; }

    /// <summary>The short id from "Successfully built ...", for engines that send no aux message.</summary>
    public string? ShortImageId { get; private set; }

    /// <summary>The engine's error, once it reported one.</summary>
    public string? Error { get; private set; }

    public void Accept(JSONMessage message)
    {
        if (message.Stream is { } text)
        {
            pulls.Complete();
            Append(text);
        }
        else if (message.Status is not null)
        {
            // A FROM image being pulled: a summary line every few seconds rather than one per layer event.
            pulls.Accept(message);
        }

        if (AuxString(message, "ID") is { } imageId)
        {
            ImageId = imageId;
        }

        if (message.Error?.Message is { Length: > 0 } error)
        {
            Error = error;
        }
    }

    /// <summary>A string field of the message's aux object, which the library keeps as untyped extension data.</summary>
    internal static string? AuxString(JSONMessage message, string name) =>
        message.Aux?.ExtensionData is { } aux && aux.TryGetValue(name, out var value)
            ? value switch
            {
                string text => text,
                JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
                _ => null,
            }
            : null;

    /// <summary>Hands out a last line that had no line ending.</summary>
    public void Complete()
    {
        pulls.Complete();
        if (partialLine.Length > 0)
        {
            Line(partialLine.ToString());
            partialLine.Clear();
        }
    }

    public DockerBuildException Failure() => new(CurrentStep, stepOutput.ToList(), Error ?? "the engine gave no reason");

    private void Append(string text)
    {
        var start = 0;
        for (var newline = text.IndexOf('\n'); newline >= 0; newline = text.IndexOf('\n', start))
        {
            partialLine.Append(text, start, newline - start);
            Line(partialLine.ToString());
            partialLine.Clear();
            start = newline + 1;
        }

        partialLine.Append(text, start, text.Length - start);
    }

    private void Line(string raw)
    {
        var line = AnsiEscape().Replace(raw, string.Empty).TrimEnd('\r');
        onLine?.Invoke(line);

        var step = StepHeader().Match(line);
        if (step.Success)
        {
            CurrentStep = step.Groups["instruction"].Value.Trim();
            stepOutput.Clear();
            return;
        }

        var built = SuccessfullyBuilt().Match(line);
        if (built.Success)
        {
            ShortImageId = built.Groups["id"].Value;
            return;
        }

        if (line.Length == 0 || line.StartsWith(" ---> ", StringComparison.Ordinal) || line.StartsWith("Removing intermediate container ", StringComparison.Ordinal))
        {
            return;
        }

        stepOutput.Enqueue(line);
        if (stepOutput.Count > KeptLines)
        {
            stepOutput.Dequeue();
        }
    }

    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex(@"^Step \d+/\d+ : (?<instruction>.*)$")]
    private static partial Regex StepHeader();

    [GeneratedRegex(@"^Successfully built (?<id>[0-9a-f]+)$")]
    private static partial Regex SuccessfullyBuilt();
}
