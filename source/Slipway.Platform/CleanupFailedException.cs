namespace Slipway.Platform;

/// <summary>
/// A clean-up ran every step but some failed: what stayed behind is listed, so the caller can report it
/// after the error it is already reporting, never in its place.
/// </summary>
public sealed class CleanupFailedException(IReadOnlyList<Leftover> leftovers)
    : Exception($"Could not remove {string.Join("; ", leftovers.Select(leftover => $"{leftover.What} ({leftover.Reason.TrimEnd('.')})"))}.")
{
    /// <summary>What could not be removed, one entry per failed step.</summary>
    public IReadOnlyList<Leftover> Leftovers { get; } = leftovers;

    /// <summary>
    /// The leftovers a failed start attached to its error (<see cref="Attach"/>): the start's error is the one
    /// thrown, what its clean-up could not remove travels with it.
    /// </summary>
    public static IReadOnlyList<Leftover> Of(Exception exception) =>
        exception.Data[DataKey] as IReadOnlyList<Leftover> ?? [];

    /// <summary>Records on <paramref name="exception"/> what the clean-up after it could not remove.</summary>
    public static void Attach(Exception exception, IReadOnlyList<Leftover> leftovers)
    {
        if (leftovers.Count > 0)
        {
            exception.Data[DataKey] = Of(exception).Concat(leftovers).ToList();
        }
    }

    private const string DataKey = "slipway:leftovers";
}
