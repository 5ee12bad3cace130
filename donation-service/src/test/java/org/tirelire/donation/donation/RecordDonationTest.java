package org.tirelire.donation.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;
import org.springframework.http.HttpStatus;
import org.tirelire.contracts.events.DonationFailed;
import org.tirelire.contracts.events.Topics;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.audit.AuditTrail;
import org.tirelire.donation.audit.ReportedActions;
import org.tirelire.donation.campaign.CampaignSnapshot;
import org.tirelire.donation.campaign.CampaignSnapshots;
import org.tirelire.donation.campaign.LiveCampaigns;
import org.tirelire.donation.fundraiser.FundraiserPageRefs;
import org.tirelire.donation.idempotency.IdempotencyKeyReused;
import org.tirelire.donation.idempotency.IdempotencyKeys;
import org.tirelire.donation.idempotency.IdempotencyRecord;
import org.tirelire.donation.idempotency.IdempotencyRecords;
import org.tirelire.donation.idempotency.KeysClaimedApart;
import org.tirelire.donation.moderation.HeldWordsRepository;
import org.tirelire.donation.moderation.MessageModeration;
import org.tirelire.donation.payment.PaymentOutcome;
import org.tirelire.donation.payment.PaymentProvider;
import org.tirelire.donation.payment.PaymentProviders;
import org.tirelire.donation.payment.PaymentRequest;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.donation.reward.RewardStocks;
import org.tirelire.kit.messaging.AggregateUpdates;
import org.tirelire.kit.messaging.EventsOnTheirWay;
import org.tirelire.kit.messaging.OutboxRelay;
import org.tirelire.kit.messaging.PendingEvent;
import org.tirelire.kit.web.MoneyInput;
import tools.jackson.databind.json.JsonMapper;

/**
 * A donor gives: the use case's rules without Spring, in milliseconds. Its stores are the real Spring
 * Data repositories on an in-memory MongoDB-wire server; the payment provider is a port, played here by
 * a provider that takes every payment but one method's; events stay in the gift's outbox, where they are
 * read (publishing them is the outbox relay's work, tested with Kafka in DonationServiceIntegrationTest).
 */
class RecordDonationTest {

    private static final String CAMPAIGN = "campaign-1";
    private static final String REWARD = "reward-honey";

    private static MongoServer server;
    private static MongoClient client;

    private MongoTemplate mongo;
    private DonationRepository donations;
    private LiveCampaigns liveCampaigns;
    private RewardStocks rewardStocks;
    private final RecordingProvider provider = new RecordingProvider();
    private final AtomicInteger donationReads = new AtomicInteger();
    private DonationLifecycle lifecycle;
    private RecordDonation recordDonation;
    private IdempotencyRecords claimsApart;
    /** What a twin request does just before this one claims a reward's unit, once. */
    private Runnable beforeRewardClaim;

    private KeysClaimedApart keysClaimedApart;

    @BeforeAll
    static void startTheStore() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stopTheStore() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void aLiveCampaignWithALimitedReward() {
        mongo = new MongoTemplate(client, "record-donation-" + System.nanoTime());
        MongoRepositoryFactory repositories = new MongoRepositoryFactory(mongo);
        donations = countingReads(repositories.getRepository(DonationRepository.class));
        CampaignSnapshots campaigns = repositories.getRepository(CampaignSnapshots.class);
        rewardStocks = new RewardStocks(mongo) {
            @Override
            public boolean claim(String rewardId) {
                Runnable twin = beforeRewardClaim;
                beforeRewardClaim = null;
                if (twin != null) {
                    twin.run();
                }
                return super.claim(rewardId);
            }
        };
        Clock clock = Clock.systemUTC();
        AggregateUpdates updates = new AggregateUpdates(new OutboxRelay(mongo, null, List.of()) {
            @Override
            public void wakeUp(Object aggregate) {
                // Events stay in the outbox for the test to read.
            }
        });
        PaymentProviders providers = organisationId -> provider;
        // No gift here goes to a campaign without a snapshot, so Kafka is never asked about one on its way.
        liveCampaigns = new LiveCampaigns(
                campaigns,
                Duration.ZERO,
                Duration.ofSeconds(2),
                new EventsOnTheirWay(Map.of()),
                Topics.CAMPAIGN_EVENTS,
                "donation-service");
        lifecycle = new DonationLifecycle(
                donations,
                updates,
                providers,
                rewardStocks,
                liveCampaigns,
                new DonationPages("https://dons.example.org"),
                new AuditTrail(repositories.getRepository(ReportedActions.class), updates, clock),
                new AwaitedPayments(mongo.getConverter()),
                new GiftMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
                clock);
        new DonationIndexes(mongo);
        claimsApart = repositories.getRepository(IdempotencyRecords.class);
        keysClaimedApart = new KeysClaimedApart(claimsApart, mongo, clock);
        recordDonation = new RecordDonation(
                new IdempotencyKeys(JsonMapper.builder().build()),
                keysClaimedApart,
                liveCampaigns,
                donations,
                lifecycle,
                providers,
                new DonationLimits(100, 10_000_000),
                repositories.getRepository(FundraiserPageRefs.class),
                rewardStocks,
                new NoReceipts(),
                new NoRecurringGifts(),
                new MessageModeration(repositories.getRepository(HeldWordsRepository.class), clock),
                Duration.ZERO,
                clock);

        liveCampaigns.save(new CampaignSnapshot(
                CAMPAIGN,
                "org-1",
                "Rénovons la péniche",
                "EUR",
                true,
                List.of(new CampaignSnapshot.RewardSnapshot(REWARD, "Un pot de miel", Money.of(20_00, "EUR"), 1))));
        rewardStocks.offer(REWARD, CAMPAIGN, 1);
    }

    @Test
    void a_gift_is_recorded_pending_and_its_payment_started_with_what_the_provider_needs() {
        RecordDonation.Recorded recorded = recordDonation.give("key-1", gift(30_00, "EUR", null, "card"));

        Donation donation = recorded.donation();
        assertThat(recorded.firstTime()).isTrue();
        assertThat(donation.status()).isEqualTo(DonationStatus.PENDING);
        assertThat(donation.paymentReference()).isEqualTo("pay_1");
        assertThat(provider.started).singleElement().satisfies(request -> {
            assertThat(request.donationId().value()).isEqualTo(donation.id());
            assertThat(request.amount()).isEqualTo(Money.of(30_00, "EUR"));
            assertThat(request.returnUrl()).hasToString("https://dons.example.org/donations/" + donation.id());
            assertThat(request.description()).isEqualTo("Don à « Rénovons la péniche »");
        });
    }

    @Test
    void the_same_key_and_body_give_once_and_another_body_with_that_key_is_refused() {
        Donation first =
                recordDonation.give("key-1", gift(30_00, "EUR", null, "card")).donation();

        RecordDonation.Recorded again = recordDonation.give("key-1", gift(30_00, "EUR", null, "card"));

        assertThat(again.firstTime()).isFalse();
        assertThat(again.donation().id()).isEqualTo(first.id());
        assertThat(donations.count()).isEqualTo(1);
        assertThat(provider.started).hasSize(1);
        assertThatThrownBy(() -> recordDonation.give("key-1", gift(31_00, "EUR", null, "card")))
                .isInstanceOf(IdempotencyKeyReused.class);
    }

    @Test
    void a_gift_is_recorded_by_one_insert_that_claims_its_key_without_a_read_before() {
        keysClaimedApart.moveOntoGifts(); // an upgraded platform whose earlier claims have all moved
        donationReads.set(0);

        Donation given =
                recordDonation.give("key-1", gift(30_00, "EUR", null, "card")).donation();

        assertThat(donationReads.get()).as("gifts read to record one").isZero();
        Donation stored = donations.findById(given.id()).orElseThrow();
        assertThat(stored.idempotencyKey()).isEqualTo("key-1");
        assertThat(stored.requestFingerprint()).isNotBlank();
    }

    @Test
    void a_request_sent_again_after_its_first_attempt_stopped_before_paying_gets_that_gift_paid_now() {
        Donation first =
                recordDonation.give("key-1", gift(30_00, "EUR", null, "card")).donation();
        storedWithout(first, "paymentReference"); // as if the attempt stopped before the payment started
        provider.started.clear();

        RecordDonation.Recorded again = recordDonation.give("key-1", gift(30_00, "EUR", null, "card"));

        assertThat(again.firstTime()).isFalse();
        assertThat(again.donation().id()).isEqualTo(first.id());
        assertThat(again.donation().paymentReference()).isNotNull();
        assertThat(provider.started)
                .singleElement()
                .satisfies(request -> assertThat(request.donationId().value()).isEqualTo(first.id()));
        assertThat(donations.count()).isEqualTo(1);
    }

    @Test
    void a_gift_whose_donor_was_erased_cannot_be_given_again_with_its_key() {
        Donation first =
                recordDonation.give("key-1", gift(30_00, "EUR", null, "card")).donation();
        changedByAnotherInstance(first, gift -> gift.eraseDonor(Instant.now()));

        assertThatThrownBy(() -> recordDonation.give("key-1", gift(30_00, "EUR", null, "card")))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(donations.count()).isEqualTo(1);
        assertThat(donations.findById(first.id()).orElseThrow().requestFingerprint())
                .as("made from the donor's name and address")
                .isNull();
    }

    @Test
    void a_twin_request_that_took_the_last_unit_of_a_reward_a_moment_before_is_the_answer_not_sold_out() {
        beforeRewardClaim = () -> recordDonation.give("key-1", gift(25_00, "EUR", REWARD, "card"));

        RecordDonation.Recorded second = recordDonation.give("key-1", gift(25_00, "EUR", REWARD, "card"));

        assertThat(second.firstTime()).isFalse();
        assertThat(donations.count()).isEqualTo(1);
        assertThat(second.donation().id()).isEqualTo(donations.findAll().get(0).id());
        assertThat(provider.started).as("paid once").hasSize(1);
        assertThat(rewardStocks.remaining(REWARD)).isZero();
    }

    @Test
    void a_key_claimed_apart_for_a_gift_whose_donor_was_erased_is_moved_without_the_donor_s_fingerprint() {
        Donation before =
                recordDonation.give("key-1", gift(30_00, "EUR", null, "card")).donation();
        String fingerprint =
                new IdempotencyKeys(JsonMapper.builder().build()).fingerprint(gift(30_00, "EUR", null, "card"));
        storedWithout(before, "idempotencyKey", "requestFingerprint");
        claimsApart.insert(new IdempotencyRecord("key-1", fingerprint, before.id(), Instant.now()));
        changedByAnotherInstance(before, gift -> gift.eraseDonor(Instant.now()));
        long versionBefore = mongo.findById(before.id(), org.bson.Document.class, "donations")
                .getLong("version");

        assertThatThrownBy(() -> recordDonation.give("key-1", gift(30_00, "EUR", null, "card")))
                .as("while the claim is apart")
                .isInstanceOf(IdempotencyKeyReused.class);
        keysClaimedApart.moveOntoGifts();

        Donation moved = donations.findById(before.id()).orElseThrow();
        assertThat(moved.idempotencyKey()).isEqualTo("key-1");
        assertThat(moved.requestFingerprint()).isNull();
        assertThat(mongo.findById(before.id(), org.bson.Document.class, "donations")
                        .getLong("version"))
                .as("a copy read before the move cannot be saved over it")
                .isGreaterThan(versionBefore);
        assertThatThrownBy(() -> recordDonation.give("key-1", gift(30_00, "EUR", null, "card")))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(donations.count()).isEqualTo(1);
    }

    @Test
    void keys_claimed_apart_before_an_upgrade_still_name_their_gift_until_moved_onto_it() {
        // As the earlier version left them: a gift recorded with its key claimed apart, and a claim whose gift
        // was never recorded (its request stopped half-way).
        Donation before =
                recordDonation.give("key-1", gift(30_00, "EUR", null, "card")).donation();
        storedWithout(before, "idempotencyKey", "requestFingerprint");
        String fingerprint =
                new IdempotencyKeys(JsonMapper.builder().build()).fingerprint(gift(30_00, "EUR", null, "card"));
        claimsApart.insert(new IdempotencyRecord("key-1", fingerprint, before.id(), Instant.now()));
        claimsApart.insert(new IdempotencyRecord("key-2", fingerprint, "stopped-half-way", Instant.now()));

        RecordDonation.Recorded again = recordDonation.give("key-1", gift(30_00, "EUR", null, "card"));
        RecordDonation.Recorded finished = recordDonation.give("key-2", gift(30_00, "EUR", null, "card"));

        assertThat(again.firstTime()).isFalse();
        assertThat(again.donation().id()).isEqualTo(before.id());
        assertThat(finished.donation().id())
                .as("recorded under the id claimed for it")
                .isEqualTo("stopped-half-way");
        assertThat(donations.count()).isEqualTo(2);
        assertThatThrownBy(() -> recordDonation.give("key-1", gift(31_00, "EUR", null, "card")))
                .isInstanceOf(IdempotencyKeyReused.class);

        keysClaimedApart.moveOntoGifts();

        assertThat(claimsApart.count()).isZero();
        assertThat(donations.findById(before.id()).orElseThrow().idempotencyKey())
                .isEqualTo("key-1");
        keysClaimedApart.moveOntoGifts(); // finds none: gifts stop asking
        assertThat(recordDonation
                        .give("key-1", gift(30_00, "EUR", null, "card"))
                        .donation()
                        .id())
                .isEqualTo(before.id());
        assertThat(donations.count()).isEqualTo(2);
    }

    @Test
    void a_gift_sent_again_after_its_campaign_closed_is_answered_from_its_first_attempt() {
        Donation first =
                recordDonation.give("key-1", gift(30_00, "EUR", null, "card")).donation();
        liveCampaigns.save(new CampaignSnapshot(CAMPAIGN, "org-1", "Rénovons la péniche", "EUR", false, List.of()));

        RecordDonation.Recorded again = recordDonation.give("key-1", gift(30_00, "EUR", null, "card"));

        assertThat(again.firstTime()).isFalse();
        assertThat(again.donation().id()).isEqualTo(first.id());
        assertThat(provider.started).hasSize(1);
        expectRefused(gift(30_00, "EUR", null, "card"), HttpStatus.CONFLICT, "campaignId");
        assertThat(donations.count()).isEqualTo(1);
    }

    @Test
    void gifts_that_break_a_rule_are_refused_naming_the_field_and_nothing_is_stored() {
        expectRefused(gift(30_00, "CHF", null, "card"), HttpStatus.UNPROCESSABLE_CONTENT, "amount.currency");
        expectRefused(gift(99, "EUR", null, "card"), HttpStatus.UNPROCESSABLE_CONTENT, "amount.amount");
        expectRefused(gift(10_00, "EUR", REWARD, "card"), HttpStatus.UNPROCESSABLE_CONTENT, "amount.amount");
        expectRefused(gift(30_00, "EUR", null, "bitcoin"), HttpStatus.UNPROCESSABLE_CONTENT, "paymentMethod");
        liveCampaigns.save(new CampaignSnapshot(CAMPAIGN, "org-1", "Rénovons la péniche", "EUR", false, List.of()));
        expectRefused(gift(30_00, "EUR", null, "card"), HttpStatus.CONFLICT, "campaignId");

        assertThat(donations.count()).isZero();
        assertThat(provider.started).isEmpty();
    }

    @Test
    void the_last_unit_of_a_reward_goes_to_one_donor_and_the_next_is_refused_before_paying() {
        recordDonation.give("key-1", gift(25_00, "EUR", REWARD, "card"));

        expectRefused(gift(25_00, "EUR", REWARD, "card"), HttpStatus.CONFLICT, "rewardId");
        assertThat(provider.started).hasSize(1);
    }

    @Test
    void a_declined_payment_fails_the_gift_and_gives_its_reward_back() {
        Donation declined = recordDonation
                .give("key-1", gift(25_00, "EUR", REWARD, RecordingProvider.DECLINED))
                .donation();

        assertThat(declined.status()).isEqualTo(DonationStatus.FAILED);
        assertThat(declined.outbox()).extracting(PendingEvent::event).hasExactlyElementsOfTypes(DonationFailed.class);
        assertThat(rewardStocks.remaining(REWARD)).isEqualTo(1);
    }

    @Test
    void a_webhook_confirms_from_the_copy_written_at_the_payment_start_and_a_copy_changed_since_is_read_again() {
        Donation untouched =
                recordDonation.give("key-1", gift(30_00, "EUR", null, "card")).donation();
        Donation erasedMeanwhile =
                recordDonation.give("key-2", gift(40_00, "EUR", null, "card")).donation();
        changedByAnotherInstance(erasedMeanwhile, gift -> gift.eraseDonor(Instant.now()));
        donationReads.set(0);

        lifecycle.settle(succeeded(untouched));
        int readsForTheUntouchedGift = donationReads.get();
        lifecycle.settle(succeeded(erasedMeanwhile));

        assertThat(readsForTheUntouchedGift)
                .as("confirmed from the copy written at the start")
                .isZero();
        assertThat(untouched.status())
                .as("the object the start answered from is not the copy the webhook changed")
                .isEqualTo(DonationStatus.PENDING);
        assertThat(donations.findById(untouched.id()).orElseThrow().status()).isEqualTo(DonationStatus.CONFIRMED);
        Donation stored = donations.findById(erasedMeanwhile.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(DonationStatus.CONFIRMED);
        assertThat(stored.donorErasedAt()).isNotNull();
        assertThat(stored.donor())
                .as("the stale copy did not bring the donor's data back")
                .isNull();
    }

    @Test
    void a_failure_heard_from_a_stale_copy_gives_the_reward_back_once_and_never_after_a_confirmation() {
        Donation erasedMeanwhile =
                recordDonation.give("key-1", gift(25_00, "EUR", REWARD, "card")).donation();
        changedByAnotherInstance(erasedMeanwhile, gift -> gift.eraseDonor(Instant.now()));

        lifecycle.settle(failed(erasedMeanwhile));

        assertThat(donations.findById(erasedMeanwhile.id()).orElseThrow().status())
                .isEqualTo(DonationStatus.FAILED);
        assertThat(rewardStocks.remaining(REWARD))
                .as("given back once, not once per attempt")
                .isEqualTo(1);

        Donation confirmedElsewhere =
                recordDonation.give("key-2", gift(25_00, "EUR", REWARD, "card")).donation();
        changedByAnotherInstance(confirmedElsewhere, gift -> gift.confirm(gift.paymentReference(), Instant.now()));

        lifecycle.settle(failed(confirmedElsewhere));

        assertThat(donations.findById(confirmedElsewhere.id()).orElseThrow().status())
                .isEqualTo(DonationStatus.CONFIRMED);
        assertThat(rewardStocks.remaining(REWARD))
                .as("a confirmed gift keeps its unit")
                .isZero();
    }

    /** The gift as stored without these fields, as an earlier attempt or version left it. */
    private void storedWithout(Donation gift, String... fields) {
        Update unset = new Update();
        for (String field : fields) {
            unset.unset(field);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(gift.id())), unset, Donation.class);
    }

    /** Another instance reads the gift, changes it and saves it: the copy this one kept is stale. */
    private void changedByAnotherInstance(Donation gift, Consumer<Donation> change) {
        Donation elsewhere = donations.findById(gift.id()).orElseThrow();
        change.accept(elsewhere);
        donations.save(elsewhere);
    }

    private static PaymentOutcome failed(Donation gift) {
        return PaymentOutcome.failed(
                "evt-" + gift.id(), DonationId.of(gift.id()), gift.paymentReference(), "card declined");
    }

    private static PaymentOutcome succeeded(Donation gift) {
        return PaymentOutcome.succeeded(
                "evt-" + gift.id(), DonationId.of(gift.id()), gift.paymentReference(), gift.amount());
    }

    /** The gifts' repository, counting its reads. */
    private DonationRepository countingReads(DonationRepository repository) {
        return (DonationRepository) Proxy.newProxyInstance(
                DonationRepository.class.getClassLoader(),
                new Class<?>[] {DonationRepository.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("find")) {
                        donationReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(repository, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
    }

    private void expectRefused(DonationRequest request, HttpStatus status, String field) {
        String key = "key-" + System.nanoTime();
        assertThatThrownBy(() -> recordDonation.give(key, request))
                .isInstanceOfSatisfying(DonationRefused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(status);
                    assertThat(refused.field()).isEqualTo(field);
                });
    }

    private static DonationRequest gift(long amount, String currency, String rewardId, String paymentMethod) {
        return new DonationRequest(
                CAMPAIGN,
                new MoneyInput(amount, currency),
                new DonationRequest.DonorInput("Ada", "Lovelace", "ada@example.org"),
                false,
                null,
                rewardId,
                null,
                false,
                paymentMethod,
                "fr",
                null,
                null,
                null,
                null);
    }

    /** Never reached: these gifts are given once. */
    private static final class NoRecurringGifts implements RecurringGifts {

        @Override
        public void start(Donation firstCharge, Frequency frequency) {
            throw new AssertionError("a gift given once starts no subscription");
        }

        @Override
        public java.net.URI manageLinkFor(Donation charge) {
            return null;
        }
    }

    /** An organisation that issues no tax receipts. */
    private static final class NoReceipts implements GiftReceipts {

        @Override
        public boolean issuedBy(String organisationId) {
            return false;
        }

        @Override
        public java.net.URI linkFor(Donation donation) {
            return null;
        }
    }

    /** A provider that takes every payment, but declines the one method named so; it keeps what it was asked. */
    private static final class RecordingProvider implements PaymentProvider {

        static final String DECLINED = "card_declined";
        final List<PaymentRequest> started = new ArrayList<>();

        @Override
        public ProviderKind kind() {
            return ProviderKind.SANDBOX;
        }

        @Override
        public Set<String> paymentMethods() {
            return Set.of("card", DECLINED);
        }

        @Override
        public PaymentStart start(PaymentRequest request) {
            if (DECLINED.equals(request.paymentMethod())) {
                return new PaymentStart.Declined("Declined by the card's bank");
            }
            started.add(request);
            return new PaymentStart.Accepted("pay_" + started.size(), null);
        }

        @Override
        public void refund(DonationId donationId, String paymentReference, Money amount) {}

        @Override
        public Optional<PaymentOutcome> followUp(DonationId donationId, String paymentReference) {
            return Optional.empty();
        }
    }
}
