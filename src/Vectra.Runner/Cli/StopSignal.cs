using System.Runtime.InteropServices;

namespace Vectra.Runner.Cli;

/// <summary>Ctrl+C and SIGTERM as one cancellation token, for a command that stops cleanly at its next boundary instead of dying.</summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _sigterm;
    private readonly ConsoleCancelEventHandler _ctrlC;

    /// <summary>Listens from now until disposed.</summary>
    public StopSignal()
    {
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            _stop.Cancel();
        });
        _ctrlC = (_, e) =>
        {
            e.Cancel = true;
            _stop.Cancel();
        };
        Console.CancelKeyPress += _ctrlC;
    }

    /// <summary>Cancelled when either signal arrives.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Stops listening; a later signal gets the runtime's default handling.</summary>
    public void Dispose()
    {
        Console.CancelKeyPress -= _ctrlC;
        _sigterm.Dispose();
        _stop.Dispose();
    }
}
