package org.tirelire.local.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a demo organisation through the public API only, as a person would: campaigns, gifts, an
 * offline cheque, a collection page and a sponsor doubling gifts. Loading twice is harmless: the demo account exists already.
 */
public final class DemoData {

    public static final String EMAIL = "demo@tirelire.local";
    public static final String PASSWORD = "demo-tirelire-2026";

    private final String gateway;
    private final Consumer<String> out;
    /** The demo campaigns' addresses, by id: what a person opens. */
    private final Map<String, String> slugs = new LinkedHashMap<>();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** The demo organisation's treasurer and volunteer: their email, and their role. */
    private static final String[][] TEAM = {
        {"tresoriere@tirelire.local", "TREASURER"},
        {"benevole@tirelire.local", "VOLUNTEER"}
    };

    /** Null when mail goes to a real server. */
    private final String mailCatcher;

    /** The token of donation-service's test clock; null when it is off (monthly gifts then start today). */
    private final String testClockToken;

    /**
     * @param mailCatcherUrl where the mail catcher's messages are read, to accept the team's invitations;
     *     null when mail goes to a real server (the invitations then wait in those inboxes)
     */
    public DemoData(String gatewayUrl, String mailCatcherUrl, Consumer<String> out) {
        this(gatewayUrl, mailCatcherUrl, null, out);
    }

    /** @param testClockToken the admin token of the test clock, to start the monthly gifts months ago */
    public DemoData(String gatewayUrl, String mailCatcherUrl, String testClockToken, Consumer<String> out) {
        this.gateway = gatewayUrl;
        this.mailCatcher = mailCatcherUrl;
        this.testClockToken = testClockToken;
        this.out = out;
    }

    public void load() throws InterruptedException {
        Response signup = post(
                "/api/auth/signup",
                null,
                null,
                Map.of("email", EMAIL, "password", PASSWORD, "organisationName", "Les Amis du Canal"),
                201,
                409);
        if (signup.status() == 409) {
            out.accept("Demo data was loaded before: log in as " + EMAIL + " / " + PASSWORD);
            return;
        }
        Response login = post("/api/auth/login", null, null, Map.of("email", EMAIL, "password", PASSWORD), 200);
        if (login.status() != 200 || !login.body().hasNonNull("accessToken")) {
            out.accept("Demo data not loaded: the demo organiser could not log in.");
            return;
        }
        String token = login.body().get("accessToken").asString();

        String barge = campaign(
                token,
                "Rénovons la péniche-école",
                "Une péniche pour apprendre le fleuve aux enfants du quartier.",
                15_000_00,
                "Un atelier vélo à bord");
        String bikes = campaign(
                token,
                "Un atelier vélo solidaire",
                "Réparer ensemble plutôt que jeter.",
                4_000_00,
                "Une remorque pour les livraisons");
        String garden = campaign(
                token,
                "Le jardin partagé du canal",
                "Des bacs, des graines et des mains vertes.",
                2_500_00,
                "Un récupérateur d'eau de pluie");

        List<String> bargeNames = pollOn(barge, token);
        receipts(token);
        if (barge != null) {
            // A sponsor doubles the gifts of the next three days: the campaign page says so, and the gifts
            // below are matched.
            post(
                    "/api/campaigns/" + barge + "/matches",
                    token,
                    null,
                    Map.of(
                            "sponsor",
                            "La Boulangerie du Canal",
                            "ratio",
                            1,
                            "cap",
                            money(1_000_00),
                            "endsAt",
                            Instant.now().plus(Duration.ofDays(3)).toString()),
                    201);
        }
        String page = fundraiserPage(barge);
        String[][] donors = {
            {"Camille", "Moreau", "Bravo pour ce beau projet !"}, {"Hugo", "Lefèvre", "Pour les enfants du quartier"},
            {"Inès", "Garcia", "J'ai appris à nager dans ce canal"}, {"Lucas", "Bernard", ""},
            {"Chloé", "Petit", "Allez les Amis du Canal !"}, {"Nathan", "Roux", "Avec plaisir"},
            {"Léa", "Fournier", "Courage à toute l'équipe"}, {"Louis", "Girard", ""},
            {"Manon", "Bonnet", "Vive le vélo !"}, {"Arthur", "Dupuis", "Un petit coup de pouce"},
            {"Zoé", "Lambert", "Pour le jardin"}, {"Jules", "Fontaine", ""}
        };
        long[] amounts = {25_00, 50_00, 10_00, 100_00, 20_00, 35_00, 15_00, 60_00, 30_00, 5_00, 40_00, 75_00};
        Map<String, Map<String, Object>> monthly = new LinkedHashMap<>();
        String[] campaigns = {barge, barge, barge, barge, barge, bikes, bikes, bikes, garden, garden, garden, barge};
        for (int i = 0; i < donors.length; i++) {
            if (campaigns[i] == null) {
                continue;
            }
            Map<String, Object> gift = new LinkedHashMap<>();
            gift.put("campaignId", campaigns[i]);
            gift.put("amount", money(amounts[i]));
            gift.put(
                    "donor",
                    Map.of(
                            "firstName", donors[i][0],
                            "lastName", donors[i][1],
                            "email", emailOf(donors[i][0])));
            gift.put("anonymous", i == 3);
            if (!donors[i][2].isEmpty()) {
                gift.put("message", donors[i][2]);
            }
            if (page != null && i < 3) {
                gift.put("fundraiser", page);
            }
            if (barge != null && barge.equals(campaigns[i]) && !bargeNames.isEmpty() && i != 5 && i != 10) {
                gift.put("pollOption", bargeNames.get(i % bargeNames.size())); // each votes with its amount
            }
            gift.put("newsConsent", i % 2 == 0);
            gift.put("paymentMethod", "pm_sandbox_ok");
            if (i % 4 == 0) {
                gift.put("receipt", Map.of("wanted", true, "address", RECEIPT_ADDRESSES.get(i / 4)));
            }
            if (i == 5 || i == 10) {
                gift.put("frequency", "MONTHLY"); // two donors give every month
                monthly.put("demo-" + (i + 1), gift);
                continue;
            }
            giveOnceDonationServiceKnowsThePoll(gift, "demo-" + (i + 1));
        }
        monthlyGiftsStartedMonthsAgo(monthly);
        if (barge != null) {
            post(
                    "/api/campaigns/" + barge + "/offline-donations",
                    token,
                    null,
                    Map.of(
                            "amount", money(100_00),
                            "method", "CHEQUE",
                            "donor", Map.of("firstName", "Jeanne", "lastName", "Dupont", "email", "jeanne@example.org"),
                            "receipt",
                                    Map.of(
                                            "wanted",
                                            true,
                                            "address",
                                            Map.of(
                                                    "line1", "5 rue Bichat",
                                                    "postalCode", "75010",
                                                    "city", "Paris",
                                                    "country", "FR"))),
                    200,
                    201);
        }
        team(token);
        out.accept("Demo organisation loaded. Organiser login: " + EMAIL + " / " + PASSWORD);
        if (mailCatcher != null) {
            out.accept("  its treasurer and volunteer: " + TEAM[0][0] + ", " + TEAM[1][0] + " (same password)");
        }
        out.accept("Open in a browser:");
        for (String id : new String[] {barge, bikes, garden}) {
            if (id != null) {
                out.accept("  " + gateway + "/campaigns/" + slugs.get(id)
                        + (id.equals(barge) ? "  (a sponsor doubles each gift)" : ""));
            }
        }
        if (page != null) {
            out.accept("  " + gateway + "/fundraisers/" + page + "  (a supporter's collection page)");
        }
        out.accept("  " + gateway + "/organiser  (the organisers' side)");
    }

    /** Well within the 90 days of the donors' links, which the steps below read their gifts through. */
    private static final int MONTHS_OF_MONTHLY_GIFTS = 2;

    /**
     * The monthly donors started giving two months ago, so that their gifts show past charges: the test
     * clock is put back, they give, and it comes back to now a month at a time, each step charging that
     * month as the scheduler would have then (and waiting for the charges to be confirmed, so that each is
     * dated in its month). Without the test clock they start today.
     */
    private void monthlyGiftsStartedMonthsAgo(Map<String, Map<String, Object>> gifts) throws InterruptedException {
        // A day more than two months, so that the last month's charge is due today whatever summer time did.
        boolean backdated = testClockToken != null
                && clock(Map.of("offsetDays", -daysSince(MONTHS_OF_MONTHLY_GIFTS) - 1))
                                .status()
                        == 200;
        List<String> subscriptions = new java.util.ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> gift : gifts.entrySet()) {
            Response given = post("/api/donations", null, gift.getKey(), gift.getValue(), 200, 201, 202);
            if (given.body().hasNonNull("manageUrl")) {
                URI page = URI.create(given.body().get("manageUrl").asString());
                subscriptions.add("/api" + page.getPath() + "?" + page.getRawQuery());
            }
        }
        if (!backdated) {
            return;
        }
        int charged = 0;
        // Each step lands on the day the next charge falls due, until it falls due after today.
        while (!subscriptions.isEmpty()) {
            awaitConfirmedCharges(subscriptions);
            Instant due = Instant.parse(getJson(subscriptions.get(0))
                    .path("nextChargeAt")
                    .asString(Instant.now().toString()));
            long daysToDue =
                    (long) Math.ceil(Duration.between(Instant.now(), due).toSeconds() / 86_400.0);
            if (daysToDue >= 0) {
                break;
            }
            charged += clock(Map.of("offsetDays", daysToDue))
                    .body()
                    .path("charged")
                    .asInt();
        }
        charged += clock(Map.of("offsetDays", 0)).body().path("charged").asInt();
        out.accept("  " + gifts.size() + " monthly gifts started " + MONTHS_OF_MONTHLY_GIFTS + " months ago, " + charged
                + " charges made since");
    }

    /** The whole days between the same moment that many months ago (in the organisation's time zone) and now. */
    private static long daysSince(int months) {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Paris"));
        return ChronoUnit.DAYS.between(now.minusMonths(months), now);
    }

    /** Waits (30 s at most) for every charge made so far of these subscriptions to be confirmed. */
    private void awaitConfirmedCharges(List<String> subscriptions) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            boolean allConfirmed = true;
            for (String subscription : subscriptions) {
                for (JsonNode charge : getJson(subscription).path("charges")) {
                    allConfirmed &= "CONFIRMED"
                            .equals(getJson("/api/donations/" + charge.asString())
                                    .path("status")
                                    .asString(""));
                }
            }
            if (allConfirmed) {
                return;
            }
            Thread.sleep(250);
        }
    }

    private Response clock(Map<String, Object> setTo) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/api/admin/test-clock/set"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Admin-Token", testClockToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(setTo)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), parse(response.body()));
        } catch (IOException failed) {
            out.accept("  demo: the test clock did not answer: " + failed);
            return new Response(599, json.createObjectNode());
        }
    }

    private JsonNode getJson(String path) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + path))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return parse(response.body());
        } catch (IOException failed) {
            return json.createObjectNode();
        }
    }

    /** Donors who ask for a tax receipt, and where they live. */
    private static final List<Map<String, String>> RECEIPT_ADDRESSES = List.of(
            Map.of("line1", "8 quai de Valmy", "postalCode", "75010", "city", "Paris", "country", "FR"),
            Map.of("line1", "21 rue des Tanneurs", "postalCode", "67000", "city", "Strasbourg", "country", "FR"),
            Map.of("line1", "3 place du Marché", "postalCode", "1000", "city", "Bruxelles", "country", "BE"));

    /** The association issues a tax receipt for each gift whose donor asks for one. */
    private void receipts(String token) throws InterruptedException {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("enabled", true);
        settings.put("legalName", "Les Amis du Canal");
        settings.put(
                "address",
                Map.of("line1", "102 quai de Jemmapes", "postalCode", "75010", "city", "Paris", "country", "FR"));
        settings.put(
                "object",
                "Faire découvrir le canal et ses métiers aux enfants du quartier, par des ateliers"
                        + " gratuits d'éducation à l'environnement");
        settings.put("legalStatus", "ASSOCIATION_LOI_1901");
        settings.put("rna", "W751234567");
        settings.put("articles", List.of("200", "238bis"));
        settings.put("signatory", Map.of("name", "Camille Martin", "title", "Présidente"));
        settings.put("mode", "PER_GIFT");
        settings.put("eligibilityConfirmed", true);
        settings.put("currentPassword", PASSWORD);
        send("PUT", "/api/organisations/me/receipts", token, null, settings, 200);
    }

    private String campaign(String token, String title, String summary, long goal, String stretchGoal)
            throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("summary", summary);
        body.put("story", summary + "\n\nChaque don compte : merci de partager la campagne autour de vous.");
        body.put("goal", money(goal));
        body.put(
                "endsAt",
                Instant.now()
                        .plus(45, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        body.put("fundingModel", "KEEP_IT_ALL");
        body.put("stretchGoals", List.of(Map.of("amount", money(goal * 4 / 3), "label", stretchGoal)));
        body.put(
                "rewards",
                List.of(
                        Map.of("title", "Carte postale dessinée", "minAmount", money(15_00)),
                        Map.of("title", "Visite guidée", "minAmount", money(50_00), "limit", 30)));
        Response created = post("/api/campaigns", token, null, body, 201);
        if (created.status() != 201 || !created.body().hasNonNull("id")) {
            return null;
        }
        String id = created.body().get("id").asString();
        slugs.put(id, created.body().path("slug").asString(id));
        post("/api/campaigns/" + id + "/publish", token, null, Map.of(), 200, 204);
        return id;
    }

    private String fundraiserPage(String campaignId) throws InterruptedException {
        if (campaignId == null) {
            return null;
        }
        Response page = post(
                "/api/campaigns/" + campaignId + "/fundraisers",
                null,
                null,
                Map.of(
                        "supporter",
                        Map.of("name", "Léa Martin", "email", "lea@example.org"),
                        "title",
                        "Léa court le semi-marathon pour la péniche",
                        "goal",
                        money(500_00),
                        "message",
                        "Je cours 21 km le mois prochain : chaque euro me pousse un peu plus loin !"),
                201,
                404);
        if (page.status() == 404) {
            out.accept("  (collection pages are not available yet: skipped)");
            return null;
        }
        return page.status() == 201 && page.body().hasNonNull("slug")
                ? page.body().get("slug").asString()
                : null;
    }

    /** "Zoé" gives zoe@example.org: accents are dropped, not the letters that carry them. */
    private static String emailOf(String firstName) {
        String plain = Normalizer.normalize(firstName, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "@example.org";
    }

    private static Map<String, Object> money(long amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

    /**
     * A treasurer and a volunteer, invited as an administrator would, who accept through the link their
     * invitation email carries, as they would.
     */
    private void team(String token) throws InterruptedException {
        for (String[] member : TEAM) {
            post("/api/organisations/me/members", token, null, Map.of("email", member[0], "role", member[1]), 201);
        }
        if (mailCatcher == null) {
            return;
        }
        for (String[] member : TEAM) {
            String link = invitationLink(member[0]);
            if (link == null) {
                out.accept("  demo: no invitation email reached " + member[0] + " in time");
                continue;
            }
            post(link + "/accept", null, null, Map.of("password", PASSWORD), 200);
        }
    }

    /** The invitation path ({@code /api/invitations/T}) from the invitation email to the address; null if none came. */
    private String invitationLink(String email) throws InterruptedException {
        Pattern link = Pattern.compile("/invitations/([A-Za-z0-9_-]+)");
        for (int attempt = 0; attempt < 60; attempt++) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(mailCatcher + "/api/messages"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                for (JsonNode message : parse(response.body())) {
                    if (message.path("to").toString().contains(email)) {
                        Matcher found = link.matcher(message.path("text").asString());
                        if (found.find()) {
                            return "/api/invitations/" + found.group(1);
                        }
                    }
                }
            } catch (IOException notYet) {
                // the mail catcher is starting or busy: ask again
            }
            Thread.sleep(500);
        }
        return null;
    }

    private record Response(int status, JsonNode body) {}

    /**
     * The péniche asks its donors to name it: each gift votes with its amount (a poll of the live-stream kit).
     *
     * @return the options' ids, empty when the poll could not be opened
     */
    private List<String> pollOn(String campaign, String token) throws InterruptedException {
        if (campaign == null) {
            return List.of();
        }
        Response poll = post(
                "/api/campaigns/" + campaign + "/polls",
                token,
                null,
                Map.of(
                        "question",
                        "Quel nom pour la péniche ?",
                        "options",
                        List.of("L’Hirondelle", "La Loutre", "Le Héron")),
                201);
        return poll.status() == 201 ? poll.body().get("options").findValuesAsString("id") : List.of();
    }

    /**
     * Gives; a vote is refused (422) until donation-service has heard of the poll from campaign-service, a
     * moment after it opened, so that one is asked again for up to ten seconds.
     */
    private void giveOnceDonationServiceKnowsThePoll(Map<String, Object> gift, String key) throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            Response given = post("/api/donations", null, key, gift, 200, 201, 202, 422);
            if (given.status() != 422 || !gift.containsKey("pollOption")) {
                if (given.status() == 422) {
                    out.accept("  demo: a gift was refused: " + given.body());
                }
                return;
            }
            Thread.sleep(1_000);
        }
        out.accept("  demo: donation-service did not hear of the péniche's poll; its gifts vote for nothing");
        gift.remove("pollOption");
        post("/api/donations", null, key, gift, 200, 201, 202);
    }

    /** Posts as JSON; any status not in {@code expected} is printed and the demo goes on. */
    private Response post(String path, String token, String idempotencyKey, Object body, int... expected)
            throws InterruptedException {
        return send("POST", path, token, idempotencyKey, body, expected);
    }

    private Response send(String method, String path, String token, String idempotencyKey, Object body, int... expected)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (Arrays.stream(expected).noneMatch(ok -> ok == status)) {
                out.accept("  demo: " + method + " " + path + " answered " + status + " " + response.body());
            }
            return new Response(status, parse(response.body()));
        } catch (IOException | RuntimeException e) {
            out.accept("  demo: " + method + " " + path + " failed: " + e);
            return new Response(599, json.createObjectNode());
        }
    }

    private JsonNode parse(String body) {
        try {
            return body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (RuntimeException notJson) {
            return json.createObjectNode();
        }
    }
}
