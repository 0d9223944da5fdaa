using System.Runtime.InteropServices;

namespace Slipway.Engine.Hosting;

/// <summary>
/// Turns the first Ctrl+C or SIGTERM into a cancellation the build handles (running targets are cancelled,
/// assured targets still run), and a second one into an immediate exit with <see cref="ExitCodes.Cancelled"/>.
/// </summary>
internal sealed class ConsoleCancellation : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;
    private int signals;

    public ConsoleCancellation()
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Token => source.Token;

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref signals) > 1)
        {
            Console.Error.WriteLine("Stopped at once.");
            Environment.Exit(ExitCodes.Cancelled);
        }

        Console.Error.WriteLine("Cancelling: running targets are being stopped, clean-up targets still run. Press Ctrl+C again to stop at once.");
        source.Cancel();
    }
}
