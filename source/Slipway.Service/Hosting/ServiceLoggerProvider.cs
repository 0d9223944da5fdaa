using Microsoft.Extensions.Logging;

namespace Slipway.Service.Hosting;

/// <summary>Passes ASP.NET Core's own warnings and errors (a port already in use, a request that crashed) to the service log, one line each.</summary>
internal sealed class ServiceLoggerProvider(ServiceLog log) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(log);

    public void Dispose()
    {
    }

    private sealed class Logger(ServiceLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception) + (exception is null ? string.Empty : $" ({exception.GetType().Name}: {exception.Message})");
            if (logLevel >= LogLevel.Error)
            {
                log.Error(message);
            }
            else
            {
                log.Warning(message);
            }
        }
    }
}
