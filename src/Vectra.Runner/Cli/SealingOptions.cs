using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Vectra.Journal.Blocks;

namespace Vectra.Runner.Cli;

/// <summary>The sealing options of the writing commands: <c>--seal-tail</c>, <c>--seal-tail-mb</c>, <c>--no-seal</c>, over <see cref="SealingSettings"/>.</summary>
internal sealed class SealingOptions
{
    private readonly Option<int?> _tail = new("--seal-tail")
    {
        Description = "Seal the oldest records into compressed blocks once more than this many are uncompressed rows (default 4096; appsettings Journal:Sealing:MaxTailRecords).",
    };

    private readonly Option<double?> _tailMegabytes = new("--seal-tail-mb")
    {
        Description = "… or once the uncompressed rows hold more than this many MB of args (default 16).",
    };

    private readonly Option<bool> _off = new("--no-seal") { Description = "Keep every record an uncompressed row (`vectra journal compact` can seal them later)." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public SealingOptions AddTo(Command command)
    {
        command.Options.Add(_tail);
        command.Options.Add(_tailMegabytes);
        command.Options.Add(_off);
        return this;
    }

    /// <summary>The policy from appsettings.json, the environment and the command line, in that order of precedence (last wins).</summary>
    public SealPolicy Resolve(ParseResult parse)
    {
        var settings = Read();
        settings.MaxTailRecords = parse.GetValue(_tail) ?? settings.MaxTailRecords;
        settings.MaxTailMegabytes = parse.GetValue(_tailMegabytes) ?? settings.MaxTailMegabytes;
        settings.Enabled &= !parse.GetValue(_off);
        return ToPolicy(settings);
    }

    /// <summary>The <c>Journal:Sealing</c> settings from appsettings.json and <c>VECTRA__</c> environment variables.</summary>
    public static SealingSettings Read()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("VECTRA__")
            .Build();
        var settings = new SealingSettings();
        configuration.GetSection("Journal:Sealing").Bind(settings);
        return settings;
    }

    private static SealPolicy ToPolicy(SealingSettings settings)
    {
        if (settings.MaxTailRecords < 0 || settings.MaxTailMegabytes < 0)
        {
            throw new UsageException("--seal-tail and --seal-tail-mb cannot be negative.");
        }
        if (settings.BlockRecords is < 1 or > 1_000_000 || settings.Level is < 1 or > 22 || settings.BacklogSealSeconds is < 0 or > 86_400)
        {
            throw new UsageException("Journal:Sealing:BlockRecords must be 1..1000000, Journal:Sealing:Level 1..22 and Journal:Sealing:BacklogSealSeconds 0..86400.");
        }
        return new SealPolicy
        {
            Enabled = settings.Enabled,
            MaxTailRecords = settings.MaxTailRecords,
            MaxTailBytes = (long)(settings.MaxTailMegabytes * (1 << 20)),
            BlockRecords = settings.BlockRecords,
            Level = settings.Level,
            BacklogSealInterval = TimeSpan.FromSeconds(settings.BacklogSealSeconds),
            OnProblem = problem => Console.Error.WriteLine($"vectra: warning: {problem}. Run `vectra verify`."),
        };
    }
}
