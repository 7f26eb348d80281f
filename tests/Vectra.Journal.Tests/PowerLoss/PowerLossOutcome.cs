namespace Vectra.Journal.Tests.PowerLoss;

/// <summary>What the crash points of one durability policy found, counted for the assertions and the test output.</summary>
internal sealed class PowerLossOutcome(string durability)
{
    public string Durability { get; } = durability;

    public int CrashPoints { get; set; }

    /// <summary>Acks the children printed.</summary>
    public int Acknowledged { get; set; }

    /// <summary>Acknowledged records looked up after a cut, summed over the cuts (each cut re-checks every earlier ack).</summary>
    public long AcknowledgedChecks { get; set; }

    /// <summary>Acknowledged records that a cut took away or changed, each counted once.</summary>
    public int Lost { get; set; }

    /// <summary>Cuts after which the journal was not clean under <c>verify</c>, was unreadable, or reopened at a different tail.</summary>
    public List<string> Damage { get; } = [];

    /// <summary>One line per cut that lost acknowledged records.</summary>
    public List<string> Losses { get; } = [];

    /// <summary>Cuts that lost acknowledged records from a journal <c>verify</c> still calls clean: losses only the acks reveal.</summary>
    public int LossesFromCleanJournals { get; set; }

    /// <summary>One line per cut: its acks and what it did to each file.</summary>
    public List<string> Cuts { get; } = [];

    /// <summary>Cuts placed among the child's writes to journal.db (its creation or a checkpoint), where the kill alone rarely lands.</summary>
    public int CutsWhileWritingDatabase { get; set; }

    /// <summary>Unsynced changes a cut threw away or tore, over all files and cuts: the model did cut something.</summary>
    public int UnsyncedChangesCut { get; set; }

    public override string ToString() =>
        $"{Durability}: {CrashPoints} crash points, {Acknowledged} acks, {AcknowledgedChecks} ack checks, {Lost} acknowledged records lost, " +
        $"{LossesFromCleanJournals} cuts lost them from a journal verify calls clean, {UnsyncedChangesCut} unsynced changes cut, {CutsWhileWritingDatabase} cuts amid journal.db writes, {Damage.Count} damage reports";
}
