package org.tirelire.contracts.events;

/** What campaign-service announces about a campaign; see {@link TirelireEvent} for how consumers handle them. */
public sealed interface CampaignEvent extends TirelireEvent
        permits CampaignPublished, CampaignUpdated, CampaignClosed, MilestoneReached, NewsPublished, ProgressChanged {

    String campaignId();

    @Override
    default String partitionKey() {
        return campaignId();
    }

    /** Calls the handler's method for this event's type. */
    void dispatchTo(Handler handler);

    @Override
    default void dispatchTo(TirelireEvent.Handler handler) {
        dispatchTo((Handler) handler);
    }

    /** One method per type, each ignoring its event unless overridden. */
    interface Handler {

        default void on(CampaignPublished published) {}

        default void on(CampaignUpdated updated) {}

        default void on(CampaignClosed closed) {}

        default void on(MilestoneReached milestone) {}

        default void on(NewsPublished news) {}

        default void on(ProgressChanged progress) {}
    }
}
