using Portal.Core.Validation;

namespace Portal.Core.Tests;

public class PartitaIvaTests
{
    [Theory]
    [InlineData("80008630420")] // Regione Marche (Ancona office, 042)
    [InlineData("00488410010")] // Torino office, 001
    [InlineData("02313821007")] // Roma office, 100
    [InlineData("12345670017")]
    [InlineData("98765431212")] // office 121
    [InlineData("55555558885")] // office 888
    [InlineData("IT80008630420")]
    [InlineData(" it 800 0863 0420 ")]
    public void Valid_partite_iva_are_accepted_in_the_forms_people_write_them(string value)
    {
        Assert.Null(PartitaIva.Problem(value));
        Assert.True(PartitaIva.IsValid(value));
    }

    [Theory]
    [InlineData(null, "Indicare la partita IVA.")]
    [InlineData("  ", "Indicare la partita IVA.")]
    [InlineData("8000863042A", "solo da cifre")]
    [InlineData("8000863042", "ne ha 10")]
    [InlineData("800086304201", "ne ha 12")]
    [InlineData("00000000019", "non possono essere tutte zero")]
    [InlineData("01234567897", "(789) non indicano un ufficio")] // right check digit, office that does not exist
    [InlineData("12345670000", "(000) non indicano un ufficio")]
    [InlineData("80008630421", "cifra di controllo")]
    [InlineData("80008360420", "cifra di controllo")] // two digits swapped
    public void Each_wrong_partita_iva_is_explained_in_Italian(string? value, string expected)
    {
        Assert.Contains(expected, PartitaIva.Problem(value));
        Assert.False(PartitaIva.IsValid(value));
    }

    [Fact]
    public void Every_single_digit_error_changes_the_check_digit()
    {
        const string valid = "80008630420";
        for (var position = 0; position < 10; position++)
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (valid[position] == digit) continue;
                var changed = valid[..position] + digit + valid[(position + 1)..];
                Assert.NotEqual(valid[10], PartitaIva.CheckDigit(changed.AsSpan(0, 10)));
            }
    }
}
