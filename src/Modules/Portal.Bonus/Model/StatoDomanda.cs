namespace Portal.Bonus.Model;

/// <summary>The Domanda's state, a mirror of its workflow instance ("domanda-bonus"), written only by the subject provider.</summary>
public enum StatoDomanda
{
    Bozza,
    Inviata,
    IntegrazioneRichiesta,
    Ammissibile,
    NonAmmissibile,
    Finanziata,
    AmmessaNonFinanziata,
    SaldoRichiesto,
    Liquidata,
    Decaduta,
    Rinunciata,
    AnnullataSuRichiesta,
    Revocata,
}
