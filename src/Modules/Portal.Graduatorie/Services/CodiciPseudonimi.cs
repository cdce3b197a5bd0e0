using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Graduatorie.Data;

namespace Portal.Graduatorie.Services;

/// <summary>
/// The pseudonymous code of a student in a Finestra's Graduatoria: HMAC-SHA256 of the Finestra and the CF with a
/// random key kept in the database, so nobody can compute it from a CF without the server's secret. 40 bits in
/// Crockford base32 ("K7QM-3XA9"): short, no ambiguous letters (I, L, O, U), different for each Finestra.
/// </summary>
public sealed class CodiciPseudonimi(GraduatorieDbContext db, TimeProvider clock)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        if (await db.ChiaviPseudonimi.AsNoTracking().FirstOrDefaultAsync(k => k.Id == 1, ct) is { } found) return found.Chiave;
        var key = new ChiavePseudonimi { Id = 1, Chiave = RandomNumberGenerator.GetBytes(32), CreatedUtc = clock.GetUtcNow().UtcDateTime };
        db.ChiaviPseudonimi.Add(key);
        try
        {
            await db.SaveChangesAsync(ct);
            return key.Chiave;
        }
        catch (DbUpdateException)
        {
            // Another request created it first: use theirs.
            db.Entry(key).State = EntityState.Detached;
            return (await db.ChiaviPseudonimi.AsNoTracking().FirstAsync(k => k.Id == 1, ct)).Chiave;
        }
    }

    /// <param name="attempt">0 normally; 1, 2... only to resolve a collision inside one Graduatoria.</param>
    public static string Code(byte[] key, Guid finestraId, string cf, int attempt = 0)
    {
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{finestraId:N}|{cf.ToUpperInvariant()}|{attempt}"));
        ulong bits = 0;
        for (var i = 0; i < 5; i++) bits = (bits << 8) | hash[i];
        var chars = new char[9];
        for (var i = 7; i >= 0; i--)
        {
            chars[i < 4 ? i : i + 1] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }
        chars[4] = '-';
        return new string(chars);
    }
}
