namespace Vectra.Tests.Common;

/// <summary>Waits for a figure another thread moves to stop moving.</summary>
public static class Settled
{
    /// <summary>The value once it stopped changing for half a second (the thread moving it is waiting), within 30 s.</summary>
    public static async Task<int> ValueAsync(Func<int> value)
    {
        var last = -1;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline;)
        {
            var now = value();
            if (now == last)
            {
                return now;
            }
            last = now;
            await Task.Delay(500);
        }
        return value();
    }
}
