using Portal.Core.Validation;

namespace Portal.Testing;

/// <summary>Valid codici fiscali for test data (tests and benchmarks).</summary>
public static class TestCodiciFiscali
{
    /// <summary>Born on the given day (male unless <paramref name="female"/>) in the given place, with the right check character.</summary>
    public static string Make(string surname3, string name3, DateOnly birth, bool female = false, string place = "A271")
    {
        var first15 = $"{surname3}{name3}{birth.Year % 100:00}{"ABCDEHLMPRST"[birth.Month - 1]}{birth.Day + (female ? 40 : 0):00}{place}";
        return first15 + CodiceFiscale.CheckCharacter(first15);
    }
}
