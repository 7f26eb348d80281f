namespace Vectra.Runner.Tests;

/// <summary>The strace reader the durability tests rely on.</summary>
public class StracedVectraTests
{
    [Fact]
    public void A_call_another_thread_interrupted_is_joined_back_into_one_line_where_it_started()
    {
        string[] trace =
        [
            "101 openat(AT_FDCWD, \"/d/a.tmp\", O_WRONLY|O_CREAT, 0644) = 80",
            "101 fsync(80 <unfinished ...>",
            "102 openat(AT_FDCWD, \"/d/b\", O_RDONLY <unfinished ...>",
            "102 <... openat resumed>) = 81",
            "101 <... fsync resumed>) = 0",
            "101 rename(\"/d/a.tmp\", \"/d/a\") = 0",
        ];

        Assert.Equal(
            [
                "101 openat(AT_FDCWD, \"/d/a.tmp\", O_WRONLY|O_CREAT, 0644) = 80",
                "101 fsync(80) = 0",
                "102 openat(AT_FDCWD, \"/d/b\", O_RDONLY) = 81",
                "101 rename(\"/d/a.tmp\", \"/d/a\") = 0",
            ],
            StracedVectra.Joined(trace));
    }
}
