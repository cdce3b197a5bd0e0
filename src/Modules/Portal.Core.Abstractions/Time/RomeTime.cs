using System.Globalization;

namespace Portal.Core.Time;

/// <summary>Europe/Rome conversions: every instant is stored in UTC and shown/entered in Italian local time.</summary>
public static class RomeTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
    public static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    public static DateTime ToRome(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// Converts a wall-clock time in Italy to UTC. A time skipped by the spring change (02:00–02:59 on the
    /// last Sunday of March) does not exist and is refused; a repeated autumn time is taken as the first
    /// occurrence (still summer time), which is what a person means by "alle 02:30" before the change.
    /// </summary>
    public static bool TryFromRome(DateTime local, out DateTime utc, out string? error)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            utc = default;
            error = $"L'orario {local.ToString("dd/MM/yyyy HH:mm", Italian)} non esiste in Italia (passaggio all'ora legale).";
            return false;
        }
        error = null;
        if (Zone.IsAmbiguousTime(local))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(local).Max();
            utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
            return true;
        }
        utc = TimeZoneInfo.ConvertTimeToUtc(local, Zone);
        return true;
    }

    public static string Format(DateTime utc) => ToRome(utc).ToString("dd/MM/yyyy 'alle' HH:mm", Italian);

    public static string FormatDate(DateTime utc) => ToRome(utc).ToString("dd/MM/yyyy", Italian);

    public static string FormatEuro(decimal amount) => amount.ToString("#,##0.00", Italian) + " €";
}
