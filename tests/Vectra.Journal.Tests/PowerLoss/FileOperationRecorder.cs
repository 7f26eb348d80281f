using System.ComponentModel;
using System.Diagnostics;

namespace Vectra.Journal.Tests.PowerLoss;

/// <summary>The LD_PRELOAD shim <c>file_operation_recorder.c</c>, compiled once per test run with the machine's C compiler.</summary>
/// <remarks>
/// Failure policy: no <c>cc</c>, or a failed compile, throws and fails every power-loss test with what
/// to install; nothing is skipped. A shim that did not load shows up as files the log does not explain,
/// which <see cref="PowerCut.DifferencesFromDisk"/> reports and the run turns into a failure.
/// </remarks>
internal static class FileOperationRecorder
{
    private static readonly Lazy<string> Library = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The environment that makes a child log every change to the files of <paramref name="dataDirectory"/> to <paramref name="logPath"/>.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentFor(string dataDirectory, string logPath) => new Dictionary<string, string>
    {
        ["LD_PRELOAD"] = Library.Value,
        ["VECTRA_POWERLOSS_DIR"] = Path.GetFullPath(dataDirectory),
        ["VECTRA_POWERLOSS_LOG"] = Path.GetFullPath(logPath),
    };

    /// <summary>Compiles the shim; a machine without <c>cc</c> fails the test with what to install, it never skips.</summary>
    private static string Build()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "PowerLoss");
        var library = Path.Combine(folder, "file_operation_recorder.so");
        var building = $"{library}.{Environment.ProcessId}.tmp";
        var start = new ProcessStartInfo("cc") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror", "-o", building, Path.Combine(folder, "file_operation_recorder.c"), "-ldl", "-pthread" })
        {
            start.ArgumentList.Add(argument);
        }
        Process compiler;
        try
        {
            compiler = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The power-loss tests build an LD_PRELOAD shim with the C compiler, but `cc` could not be started ({e.Message}). Install gcc (apt-get install -y gcc).", e);
        }
        using (compiler)
        {
            var errors = compiler.StandardError.ReadToEndAsync();
            compiler.StandardOutput.ReadToEnd();
            compiler.WaitForExit();
            if (compiler.ExitCode != 0)
            {
                throw new InvalidOperationException($"cc failed to build the power-loss shim (exit {compiler.ExitCode}): {errors.Result}");
            }
        }
        File.Move(building, library, overwrite: true);
        return library;
    }
}
