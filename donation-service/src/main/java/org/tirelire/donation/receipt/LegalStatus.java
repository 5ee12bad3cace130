package org.tirelire.donation.receipt;

/** Which kind of organisation of general interest issues the receipt: the box of CERFA 11580 that applies. */
public enum LegalStatus {
    ASSOCIATION_LOI_1901("Association ou fondation d'intérêt général (association déclarée, loi du 1er juillet 1901)"),
    ASSOCIATION_RUP("Association reconnue d'utilité publique"),
    FONDATION_RUP("Fondation reconnue d'utilité publique"),
    FONDATION_ENTREPRISE("Fondation d'entreprise"),
    FONDS_DOTATION("Fonds de dotation"),
    ASSOCIATION_CULTUELLE(
            "Association cultuelle ou de bienfaisance, ou établissement public des cultes d'Alsace-Moselle"),
    ASSOCIATION_ALSACE_MOSELLE("Association de droit local d'Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle)"),
    OTHER_GENERAL_INTEREST("Autre organisme d'intérêt général");

    private final String printed;

    LegalStatus(String printed) {
        this.printed = printed;
    }

    /** The words the receipt prints. */
    public String printed() {
        return printed;
    }
}
