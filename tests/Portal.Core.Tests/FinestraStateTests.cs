using Portal.Contents.Contracts;
using Portal.Core.Time;

namespace Portal.Core.Tests;

public class FinestraStateTests
{
    private static DateTime Rome(int y, int mo, int d, int h, int mi, int s = 0)
    {
        Assert.True(RomeTime.TryFromRome(new DateTime(y, mo, d, h, mi, s), out var utc, out var error), error);
        return utc;
    }

    [Fact]
    public void One_second_before_opening_is_futura_at_opening_is_aperta()
    {
        var opens = Rome(2020, 5, 5, 9, 0);
        var closes = Rome(2020, 5, 25, 23, 59, 59);
        Assert.Equal(FinestraState.Futura, FinestraInfo.StateAt(opens, closes, opens.AddSeconds(-1)));
        Assert.Equal(FinestraState.Aperta, FinestraInfo.StateAt(opens, closes, opens));
        Assert.Equal(FinestraState.Aperta, FinestraInfo.StateAt(opens, closes, opens.AddSeconds(1)));
    }

    [Fact]
    public void One_second_before_closing_is_aperta_at_closing_is_chiusa()
    {
        var opens = Rome(2020, 5, 5, 9, 0);
        var closes = Rome(2020, 5, 25, 18, 0);
        Assert.Equal(FinestraState.Aperta, FinestraInfo.StateAt(opens, closes, closes.AddSeconds(-1)));
        Assert.Equal(FinestraState.Chiusa, FinestraInfo.StateAt(opens, closes, closes));
        Assert.Equal(FinestraState.Chiusa, FinestraInfo.StateAt(opens, closes, closes.AddSeconds(1)));
    }

    [Fact]
    public void Italian_times_are_converted_with_summer_and_winter_offsets()
    {
        Assert.Equal(new DateTime(2020, 5, 5, 7, 0, 0, DateTimeKind.Utc), Rome(2020, 5, 5, 9, 0));   // CEST, +2
        Assert.Equal(new DateTime(2020, 12, 5, 8, 0, 0, DateTimeKind.Utc), Rome(2020, 12, 5, 9, 0)); // CET, +1
    }

    [Fact]
    public void Spring_change_day_window_closing_at_03_30_closes_one_real_hour_after_01_30()
    {
        // 29 March 2026: at 02:00 the clocks jump to 03:00.
        var opens = Rome(2026, 3, 28, 9, 0);
        var closes = Rome(2026, 3, 29, 3, 30);
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), closes);
        Assert.Equal(TimeSpan.FromHours(1), closes - Rome(2026, 3, 29, 1, 30));
        Assert.Equal(FinestraState.Aperta, FinestraInfo.StateAt(opens, closes, closes.AddSeconds(-1)));
        Assert.Equal(FinestraState.Chiusa, FinestraInfo.StateAt(opens, closes, closes));
    }

    [Fact]
    public void A_time_skipped_by_the_spring_change_is_refused_in_italian()
    {
        Assert.False(RomeTime.TryFromRome(new DateTime(2026, 3, 29, 2, 30, 0), out _, out var error));
        Assert.Contains("non esiste", error);
    }

    [Fact]
    public void Autumn_change_day_repeated_hour_is_taken_as_the_first_one()
    {
        // 25 October 2026: at 03:00 the clocks go back to 02:00, so 02:30 happens twice.
        var closes = Rome(2026, 10, 25, 2, 30);
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), closes);
        var opens = Rome(2026, 10, 24, 9, 0);
        Assert.Equal(FinestraState.Aperta, FinestraInfo.StateAt(opens, closes, closes.AddSeconds(-1)));
        Assert.Equal(FinestraState.Chiusa, FinestraInfo.StateAt(opens, closes, closes));
        // 03:00 local on that day is two real hours after 01:00 local.
        Assert.Equal(TimeSpan.FromHours(3), Rome(2026, 10, 25, 3, 0) - Rome(2026, 10, 25, 1, 0));
    }
}
