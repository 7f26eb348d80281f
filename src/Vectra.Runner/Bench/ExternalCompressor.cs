using System.Diagnostics;

namespace Vectra.Runner.Bench;

/// <summary>Runs a command-line compressor over a file as an anchor figure: the bytes it writes, or null when it is not installed.</summary>
internal static class ExternalCompressor
{
    public static long? Size(string file, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add(file);
        try
        {
            using var process = Process.Start(start)!;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var output = process.StandardOutput.BaseStream;
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = output.Read(buffer)) > 0)
            {
                total += read;
            }
            process.WaitForExit();
            return process.ExitCode == 0 ? total : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }
    }
}
