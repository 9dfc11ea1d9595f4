package org.hotline.agi.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotline.agi.AgiScriptNames;
import org.hotline.agi.ChannelVariables;
import org.hotline.agi.prompts.Prompt;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code asterisk-conf/} as data, since no Asterisk runs in CI: every jump lands somewhere, the queue,
 * the AGI URLs and the variables match the server's contract, every prompt exists in every language, script
 * values are only ever compared, the fallback is bounded and ends in a last resort, every module the
 * dialplan needs is loaded, and AMI is loopback-only with one least-privilege user. Where a caller ends up is {@link DialplanBranchTest}'s job.
 */
class DialplanTest {

    /** Variables Asterisk or app_stack set that the dialplan may read. Anything else must be declared. */
    private static final Set<String> STANDARD_VARIABLES = Set.of(
            "AGISTATUS", "DIALSTATUS", "QUEUESTATUS", "VMSTATUS", "PLAYBACKSTATUS", "CHANNEL", "UNIQUEID",
            "ARG1", "ARG2", "ARG3", "ARG4", "ARG5", "ARG6", "ARG7", "ARG8", "ARG9");

    /** Applications built into Asterisk's core (no module to load). */
    private static final Set<String> CORE_APPLICATIONS = Set.of("answer", "noop", "set", "goto", "gotoif", "hangup",
            "wait", "sayalpha");

    /** Module each application lives in; an application missing here fails the module test on purpose. */
    private static final Map<String, String> APPLICATION_MODULES = Map.ofEntries(
            Map.entry("dial", "app_dial"), Map.entry("queue", "app_queue"), Map.entry("agi", "res_agi"),
            Map.entry("playback", "app_playback"), Map.entry("voicemail", "app_voicemail"),
            Map.entry("voicemailmain", "app_voicemail"), Map.entry("gosub", "app_stack"),
            Map.entry("return", "app_stack"), Map.entry("originate", "app_originate"),
            Map.entry("confbridge", "app_confbridge"), Map.entry("chanspy", "app_chanspy"),
            Map.entry("musiconhold", "res_musiconhold"), Map.entry("read", "app_read"),
            Map.entry("userevent", "app_userevent"));

    /** Module each dialplan function lives in. */
    private static final Map<String, String> FUNCTION_MODULES = Map.of(
            "REGEX", "func_strings", "CHANNEL", "func_channel", "TIMEOUT", "func_timeout",
            "CALLERID", "func_callerid", "VM_INFO", "app_voicemail", "FILTER", "func_strings",
            "STRFTIME", "func_strings", "SHARED", "func_global");

    /**
     * Applications and functions that run commands or re-evaluate text: never in this dialplan. Originate is
     * allowed only as {@link #theEndReportRunsOnItsOwnBoundedChannel} checks it: to our own report context,
     * with filtered values.
     */
    private static final Set<String> FORBIDDEN_APPLICATIONS = Set.of("exec", "tryexec", "execif", "system",
            "trysystem", "eval", "macro", "eagi", "deadagi");
    private static final Set<String> FORBIDDEN_FUNCTIONS = Set.of("EVAL", "EVAL_EXTEN", "SHELL", "EXEC", "IMPORT",
            "FILE", "ODBC", "CURL", "DB", "DB_DELETE");

    /** The AMI user call control logs in as, and the context its actions name (hotline-callcontrol AmiActions). */
    private static final String CALL_CONTROL_USER = "hotline";
    private static final String CALL_CONTROL_CONTEXT = "hotline-callcontrol";

    /** The six IVR languages (DOMAIN.md), each with a prompt manifest. */
    private static final List<String> LANGUAGES = List.of("prs", "ps", "tg", "tk", "uz", "ur");

    private static final Pattern AGI_URL = Pattern.compile("agi://\\$\\{HOTLINE_AGI_SERVER\\}/([A-Za-z0-9_-]+)");
    private static final Pattern REGEX_ON_VARIABLE = Pattern.compile("REGEX\\(\"([^\"]*)\" \\$\\{([A-Z0-9_]+)\\}\\)");
    /** A value passed on through FILTER() with a character set that cannot add a variable, option or argument. */
    private static final Pattern FILTER_ON_VARIABLE = Pattern.compile(
            "FILTER\\(([0-9A-Za-z._\\\\-]+),\\$\\{([A-Z0-9_]+)\\}\\)");
    private static final Pattern HOTLINE_PROMPT = Pattern.compile("hotline/([a-z0-9-]+)");
    /** A staff prompt (a paged duty person hears it), in the staff languages; the key may end in the language. */
    private static final Pattern STAFF_PROMPT = Pattern.compile(
            "hotline-staff/([a-z0-9-]+?)(\\$\\{FILTER\\(a-z,\\$\\{HOTLINE_LANGUAGE}\\)})?");
    /** The staff languages, each with asterisk-conf/prompts/staff/<code>.manifest. */
    private static final List<String> STAFF_LANGUAGES = List.of("prs", "en");

    private final Dialplan dialplan = DialplanReader.extensionsConf();

    // ---- jumps ------------------------------------------------------------------------------------------------

    @Test
    void everyGotoGosubAndHangupHandlerTargetExists() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Dialplan.Priority p : dialplan.priorities()) {
            for (Dialplan.Target target : targets(p)) {
                checked++;
                // Gosub arguments may be computed; where the jump goes may not.
                if ((target.context() + target.exten() + target.priority()).contains("$")) {
                    problems.add("computed target " + target + " cannot be checked: " + p.where());
                } else if (dialplan.resolve(target).isEmpty()) {
                    problems.add("no such target " + target + ": " + p.where());
                }
            }
        }
        assertThat(problems).as("jump targets").isEmpty();
        assertThat(checked).as("targets checked").isGreaterThan(10);
    }

    @Test
    void everySubroutineEndsInReturn() {
        Set<String> subroutineContexts = new TreeSet<>();
        for (Dialplan.Priority p : dialplan.priorities()) {
            if (p.is("Gosub") || isHangupHandlerPush(p)) {
                targets(p).forEach(t -> subroutineContexts.add(t.context()));
            }
        }
        assertThat(subroutineContexts).contains("hotline-hangup", "hotline-language", "hotline-hide-caller");
        for (String context : subroutineContexts) {
            for (var entry : dialplan.contexts().get(context).extensions().entrySet()) {
                List<Dialplan.Priority> list = entry.getValue();
                assertThat(list.getLast().app()).as("last line of [%s] %s", context, entry.getKey())
                        .isEqualToIgnoringCase("Return");
                assertThat(list).as("[%s] must not leave a subroutine with Goto", context)
                        .noneMatch(p -> p.is("Goto") || p.is("Hangup"));
            }
        }
    }

    // ---- queue, AGI, server address ------------------------------------------------------------------------

    @Test
    void everyQueueIsDefinedInQueuesConf() {
        DialplanReader.Conf queues = DialplanReader.readConf("queues.conf");
        List<Dialplan.Priority> calls = dialplan.priorities("Queue");
        assertThat(calls).isNotEmpty();
        for (Dialplan.Priority p : calls) {
            String name = p.argList().getFirst();
            assertThat(queues.section(name)).as("queue %s used at %s", name, p.where()).isPresent();
        }
    }

    @Test
    void agiUrlsUseTheServerGlobalAndOnlyMappedScripts() {
        List<Dialplan.Priority> agis = dialplan.priorities("AGI");
        Set<String> used = new LinkedHashSet<>();
        for (Dialplan.Priority p : agis) {
            String url = p.argList().getFirst();
            Matcher m = AGI_URL.matcher(url);
            assertThat(m.matches()).as("AGI URL must be agi://${HOTLINE_AGI_SERVER}/<script>: %s", p.where())
                    .isTrue();
            assertThat(AgiScriptNames.ALL).as("script at %s", p.where()).contains(m.group(1));
            used.add(m.group(1));
        }
        assertThat(used).as("both scripts are used").containsExactlyInAnyOrderElementsOf(AgiScriptNames.ALL);

        List<Dialplan.Priority> entry = agis.stream().filter(p -> p.args().endsWith("/" + AgiScriptNames.ENTRY))
                .toList();
        assertThat(entry).extracting(Dialplan.Priority::context).containsOnly(DialplanWalker.ENTRY_CONTEXT);
        List<Dialplan.Priority> end = agis.stream().filter(p -> p.args().endsWith("/" + AgiScriptNames.END))
                .toList();
        assertThat(end).extracting(Dialplan.Priority::context).containsOnly(endReport().context());
    }

    @Test
    void hangupHandlerIsPushedBeforeTheIvrAndReportsTheEnd() {
        Dialplan.Target handler = hangupHandler();
        List<Dialplan.Priority> lines = dialplan.contexts().get(handler.context()).extensions().get(handler.exten());
        assertThat(lines).extracting(Dialplan.Priority::app).containsExactly("Originate", "Return");

        Dialplan.Priority push = dialplan.priorities("Set").stream().filter(DialplanTest::isHangupHandlerPush)
                .findFirst().orElseThrow();
        Dialplan.Priority ivr = dialplan.priorities("AGI").stream()
                .filter(p -> p.args().endsWith("/" + AgiScriptNames.ENTRY)).findFirst().orElseThrow();
        assertThat(push.context()).isEqualTo(ivr.context());
        assertThat(push.exten()).isEqualTo(ivr.exten());
        assertThat(push.number()).as("pushed before the IVR so a hang-up in a menu is reported")
                .isLessThan(ivr.number());
    }

    @Test
    void theEndReportRunsOnItsOwnBoundedChannel() {
        List<Dialplan.Priority> originates = dialplan.priorities("Originate");
        assertThat(originates).as("only the hangup handler originates").hasSize(1)
                .allMatch(p -> p.context().equals(hangupHandler().context()));
        Dialplan.Priority originate = originates.getFirst();
        List<String> args = originate.argList();
        assertThat(args).hasSize(7);
        assertThat(args.get(1)).isEqualTo("app");
        assertThat(args.get(2)).as(";1 must not do anything that outlives ;2 or dials out").isEqualTo("NoOp");
        assertThat(positiveInt(resolveGlobal(args.get(5)))).as("Originate timeout").isBetween(5, 120);
        Matcher options = Pattern.compile("av\\((.*)\\)").matcher(args.get(6));
        assertThat(options.matches()).as("asynchronous (a), so the dead channel returns at once; no c/n: no"
                + " caller ID travels").isTrue();
        Map<String, String> passed = new LinkedHashMap<>();
        for (String pair : options.group(1).split("\\^")) {
            passed.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertThat(passed.keySet()).containsExactlyInAnyOrder(ChannelVariables.END_CALL_ID,
                ChannelVariables.END_DIAL_STATUS, ChannelVariables.END_UNIQUE_ID, ChannelVariables.END_ANSWERED_MS,
                ChannelVariables.END_ENDED_MS);
        passed.forEach((name, value) -> {
            Matcher filtered = Pattern.compile("\\$\\{FILTER\\(([^,]+),(.*)\\)\\}").matcher(value);
            assertThat(filtered.matches()).as("%s passes its value through FILTER()", name).isTrue();
            String kept = DialplanWalker.filter(filtered.group(1), "^,()=[]{}$;|&\"'` \n");
            assertThat(kept).as("%s: FILTER keeps no separator", name).isEmpty();
            assertThat(filtered.group(2)).as("%s never carries the caller's number", name)
                    .doesNotContainIgnoringCase("CALLERID");
        });

        Dialplan.Target report = endReport();
        assertThat(args.get(0)).isEqualTo("Local/" + report.exten() + "@" + report.context());
        List<Dialplan.Priority> lines = dialplan.contexts().get(report.context()).extensions().get(report.exten());
        assertThat(lines).extracting(Dialplan.Priority::app).doesNotContain("Answer", "Playback", "Dial", "Queue");
        int agi = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).is("AGI")) {
                agi = i;
            }
        }
        List<String> before = lines.subList(0, agi).stream().map(Dialplan.Priority::args).toList();
        assertThat(before).contains("TIMEOUT(absolute)=${HOTLINE_END_MAX_SECONDS}", "AGIEXITONHANGUP=yes");
        assertThat(positiveInt(dialplan.globals().get("HOTLINE_END_MAX_SECONDS"))).as("report bound")
                .isBetween(5, 120);
    }

    /**
     * The operator's answer is stamped on the caller's channel the moment Dial's G() sends it into the conference.
     * Not with U(): app_dial.c handles G() before U() and jumps away ("goto done"), so a U() subroutine would
     * never run and the talk time would silently be missing.
     */
    @Test
    void theOperatorsAnswerIsStampedOnTheCallerAsItEntersTheConference() {
        Dialplan.Priority dial = dialplan.priorities("Dial").getFirst();
        assertThat(dial.argList().get(2)).as("U() never runs with G()").doesNotContain("U(");
        Matcher g = Pattern.compile("G\\(([A-Za-z0-9_-]+)\\^([A-Za-z0-9_-]+)\\^1\\)").matcher(dial.argList().get(2));
        assertThat(g.find()).isTrue();
        Dialplan.Priority callerLeg = dialplan.at(g.group(1), g.group(2), 1).orElseThrow();
        assertThat(callerLeg.app()).isEqualTo("Goto");
        Dialplan.Priority stamp = dialplan.resolve(Dialplan.parseTarget(callerLeg.args(), g.group(1), g.group(2)))
                .orElseThrow();
        assertThat(stamp.args()).isEqualTo("SHARED(OPERATOR_ANSWERED_MS)=${STRFTIME(,,%s%3q)}");
        assertThat(dialplan.priorities("Originate").getFirst().args())
                .contains(ChannelVariables.END_ANSWERED_MS + "=${FILTER(0-9,${SHARED(OPERATOR_ANSWERED_MS)})}");
    }

    @Test
    void voicemailSilenceDetectionCannotLeaveEmptyMessages() {
        // app_voicemail.c load_config: "maxsilence should be less than minsecs" when maxsilence / 1000 >= minsecs.
        DialplanReader.Section general = DialplanReader.readConf("voicemail.conf").require("general");
        int maxsilence = Integer.parseInt(general.value("maxsilence").orElse("0"));
        int minsecs = Integer.parseInt(general.value("minsecs").orElse("0"));
        assertThat(maxsilence).as("maxsilence (0 = off) below minsecs").isLessThan(minsecs);
    }

    @Test
    void everyMusicClassUsedIsDefinedWithoutAnUninstalledDirectory() {
        DialplanReader.Conf moh = DialplanReader.readConf("musiconhold.conf");
        assertThat(moh.sections()).extracting(DialplanReader.Section::name).as("only the stock class until the"
                + " hotline's music is installed (res_musiconhold logs at every load and hold otherwise)")
                .containsExactlyInAnyOrder("general", "default");
    }

    @Test
    void serverAddressIsSetInExactlyOnePlace() {
        String address = dialplan.globals().get("HOTLINE_AGI_SERVER");
        assertThat(address).as("[globals] HOTLINE_AGI_SERVER").matches("[A-Za-z0-9.:\\[\\]-]+:\\d{1,5}");
        String text = dialplan.withoutComments();
        assertThat(occurrences(text, address)).as("occurrences of %s outside comments", address).isEqualTo(1);
        assertThat(occurrences(text, "agi://")).as("every agi:// URL")
                .isEqualTo(occurrences(text, "agi://${HOTLINE_AGI_SERVER}/"));
        String port = address.substring(address.lastIndexOf(':'));
        assertThat(occurrences(text, port)).as("no other hard-coded FastAGI port %s", port).isEqualTo(1);
    }

    // ---- variables ----------------------------------------------------------------------------------------

    @Test
    void everyVariableReadIsDeclaredInTheContractOrStandard() {
        Set<String> contract = contractVariables();
        Set<String> setHere = variablesSetByDialplan();
        List<String> problems = new ArrayList<>();
        Set<String> read = new TreeSet<>();
        for (Dialplan.Priority p : dialplan.priorities()) {
            for (Dialplan.Reference ref : Dialplan.references(p.args())) {
                if (ref.function()) {
                    continue;
                }
                String name = ref.name();
                read.add(name);
                if (name.startsWith("HOTLINE_")) {
                    if (!contract.contains(name) && !dialplan.globals().containsKey(name)) {
                        problems.add(name + " is neither in ChannelVariables nor in [globals]: " + p.where());
                    }
                } else if (!STANDARD_VARIABLES.contains(name) && !setHere.contains(name)) {
                    problems.add(name + " is not a standard Asterisk variable, not in ChannelVariables and never"
                            + " set by the dialplan: " + p.where());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(read).as("the dialplan reads the hand-off contract")
                .contains(ChannelVariables.IVR_DONE, ChannelVariables.NEXT, ChannelVariables.TARGET, "AGISTATUS");
        assertThat(setHere).as("dialplan-own variables must not use the contract's HOTLINE_ prefix")
                .allMatch(name -> !name.startsWith("HOTLINE_") || contract.contains(name));
    }

    @Test
    void noGlobalShadowsAContractVariable() {
        // Asterisk reads a global when the channel variable is unset: a global HOTLINE_IVR_DONE=1 would make
        // every server-down call look finished.
        assertThat(dialplan.globals().keySet()).doesNotContainAnyElementsOf(contractVariables());
        assertThat(dialplan.globals().keySet()).allMatch(name -> name.startsWith("HOTLINE_"),
                "globals carry the HOTLINE_ prefix so they are never mistaken for Asterisk's own");
    }

    @Test
    void scriptSetVariablesAreOnlyComparedOrUsedAsTheDialTarget() {
        Set<String> contract = contractVariables();
        List<String> problems = new ArrayList<>();
        for (Dialplan.Priority p : dialplan.priorities()) {
            String args = p.args();
            List<int[]> allowed = new ArrayList<>();
            Matcher m = REGEX_ON_VARIABLE.matcher(args);
            while (m.find()) {
                allowed.add(new int[] {m.start(), m.end()});
            }
            Matcher filtered = FILTER_ON_VARIABLE.matcher(args);
            while (filtered.find()) {
                allowed.add(new int[] {filtered.start(), filtered.end()});
            }
            if (p.is("Dial") && p.argList().getFirst().equals("${" + ChannelVariables.TARGET + "}")) {
                allowed.add(new int[] {0, p.argList().getFirst().length()});
            }
            for (String variable : contract) {
                String ref = "${" + variable + "}";
                for (int at = args.indexOf(ref); at >= 0; at = args.indexOf(ref, at + 1)) {
                    int position = at;
                    if (allowed.stream().noneMatch(r -> r[0] <= position && position < r[1])) {
                        problems.add(ref + " used other than as REGEX(\"...\" " + ref + "), FILTER(<safe chars>,"
                                + ref + ") or the Dial target: " + p.where());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void hotlineNextIsComparedWithExactlyTheContractValues() {
        Set<String> compared = new TreeSet<>();
        for (Dialplan.Priority p : dialplan.priorities()) {
            Matcher m = REGEX_ON_VARIABLE.matcher(p.args());
            while (m.find()) {
                if (m.group(2).equals(ChannelVariables.NEXT)) {
                    compared.add(m.group(1));
                }
                if (m.group(2).equals(ChannelVariables.IVR_DONE)) {
                    assertThat(m.group(1)).as("IVR done means exactly 1: %s", p.where()).isEqualTo("^1$");
                }
            }
        }
        assertThat(compared).containsExactlyInAnyOrder("^" + ChannelVariables.NEXT_DIAL + "$",
                "^" + ChannelVariables.NEXT_HANGUP + "$", "^" + ChannelVariables.NEXT_ONCALL + "$");
    }

    @Test
    void dialOnlyEverDialsAGuardedPjsipTarget() {
        List<Dialplan.Priority> dials = dialplan.priorities("Dial");
        assertThat(dials).hasSize(1);
        Dialplan.Priority dial = dials.getFirst();
        assertThat(dial.argList().getFirst()).isEqualTo("${" + ChannelVariables.TARGET + "}");
        Set<String> targetChecks = new TreeSet<>();
        for (Dialplan.Priority p : dialplan.priorities()) {
            Matcher m = REGEX_ON_VARIABLE.matcher(p.args());
            while (m.find()) {
                if (m.group(2).equals(ChannelVariables.TARGET)) {
                    targetChecks.add(m.group(1));
                }
            }
        }
        assertThat(targetChecks).containsExactly("^PJSIP/[A-Za-z0-9_-]+$");
    }

    @Test
    void noApplicationOrFunctionRunsOrReEvaluatesText() {
        for (Dialplan.Priority p : dialplan.priorities()) {
            assertThat(FORBIDDEN_APPLICATIONS).as(p.where()).doesNotContain(p.app().toLowerCase(Locale.ROOT));
            for (String function : functionsUsed(p)) {
                assertThat(FORBIDDEN_FUNCTIONS).as(p.where()).doesNotContain(function);
            }
        }
    }

    // ---- prompts --------------------------------------------------------------------------------------------

    @Test
    void everyPromptPlayedIsAPromptKeyInEveryLanguage() throws IOException {
        Map<String, String> played = new LinkedHashMap<>();
        for (Dialplan.Priority p : dialplan.priorities()) {
            if (p.is("Playback") || p.is("Background")) {
                String files = p.argList().getFirst();
                for (String file : files.split("&")) {
                    if (STAFF_PROMPT.matcher(file.strip()).matches() || isOnCallMessage(p, file.strip())) {
                        continue; // for staff, not callers: everyStaffPromptIsInEveryStaffManifest
                    }
                    Matcher m = HOTLINE_PROMPT.matcher(file.strip());
                    assertThat(m.matches()).as("only hotline/<key> prompts exist in our six languages: %s",
                            p.where()).isTrue();
                    played.put(m.group(1), p.where());
                }
            }
        }
        for (DialplanReader.Section queue : DialplanReader.readConf("queues.conf").sections()) {
            for (String key : List.of("periodic-announce", "announce", "queue-youarenext", "queue-thankyou")) {
                for (String value : queue.values(key)) {
                    for (String file : value.split(",")) {
                        Matcher m = HOTLINE_PROMPT.matcher(file.strip());
                        assertThat(m.matches()).as("queues.conf [%s] %s=%s", queue.name(), key, value).isTrue();
                        played.put(m.group(1), "queues.conf [" + queue.name() + "] " + key);
                    }
                }
            }
        }
        assertThat(played).containsKeys(Prompt.FALLBACK.key(), Prompt.VOICEMAIL_RECORD.key(),
                Prompt.CALL_AGAIN.key());
        assertThat(Prompt.allKeys()).as("prompt keys in Prompt.java").containsAll(played.keySet());

        Path prompts = DialplanReader.asteriskConf().resolve("prompts");
        List<Path> manifests;
        try (Stream<Path> files = Files.isDirectory(prompts) ? Files.list(prompts) : Stream.empty()) {
            manifests = files.filter(f -> f.getFileName().toString().endsWith(".manifest")).sorted().toList();
        }
        if (manifests.isEmpty()) {
            fail("no prompt manifest in " + prompts + " yet: the dialplan plays " + played.keySet()
                    + ", which must exist in every language's asterisk-conf/prompts/<code>.manifest");
        }
        for (String language : LANGUAGES) {
            Path manifest = prompts.resolve(language + ".manifest");
            assertThat(manifest).as("prompt manifest for %s", language).exists();
            Set<String> keys = manifestKeys(manifest);
            for (var entry : played.entrySet()) {
                assertThat(keys).as("%s in %s (played at %s)", entry.getKey(), manifest, entry.getValue())
                        .contains(entry.getKey());
            }
        }
    }

    @Test
    void theLanguageGuardAcceptsExactlyTheSixIvrLanguages() {
        // Both checks in [hotline-language]: the channel language and the preferred one passed in ARG1.
        Pattern guard = Pattern.compile("REGEX\\(\"\\^\\(([a-z|]+)\\)\\$\" \\$\\{");
        List<Set<String>> lists = new ArrayList<>();
        for (Dialplan.Priority p : dialplan.priorities()) {
            Matcher m = guard.matcher(p.args());
            while (m.find()) {
                lists.add(Set.of(m.group(1).split("\\|")));
            }
        }
        assertThat(lists).hasSizeGreaterThanOrEqualTo(2).allSatisfy(set -> assertThat(set).containsExactlyInAnyOrderElementsOf(
                LANGUAGES));
        for (Dialplan.Priority p : dialplan.priorities("Set")) {
            if (p.args().startsWith("CHANNEL(language)=") && !p.args().contains("${")) {
                assertThat(LANGUAGES).as(p.where()).contains(p.args().substring("CHANNEL(language)=".length()));
            }
        }
    }

    // ---- fallback bounds --------------------------------------------------------------------------------------

    @Test
    void fallbackQueueRingsEveryoneAndNeverForever() {
        DialplanReader.Conf queues = DialplanReader.readConf("queues.conf");
        DialplanReader.Section q = queues.require("hotline-fallback");
        assertThat(q.value("strategy")).hasValue("ringall");
        assertThat(positiveInt(q.value("timeout").orElse(""))).as("per-attempt timeout").isBetween(5, 120);
        assertThat(positiveInt(q.value("retry").orElse(""))).as("retry").isBetween(1, 60);
        assertThat(positiveInt(q.value("maxlen").orElse(""))).as("maxlen (0 would be unlimited)").isPositive();
        assertThat(q.value("timeoutpriority")).as("the dialplan's overall limit wins").hasValue("app");
        for (String key : List.of("joinempty", "leavewhenempty")) {
            assertThat(q.value(key)).as(key).isPresent();
            assertThat(Set.of(q.value(key).get().split("\\s*,\\s*"))).as(key)
                    .contains("unavailable", "invalid", "unknown");
        }
        String musicClass = q.value("musicclass").orElseThrow();
        assertThat(DialplanReader.readConf("musiconhold.conf").section(musicClass)).as("music class " + musicClass)
                .isPresent();
        assertThat(DialplanReader.readConf("musiconhold.conf").section("default"))
                .as("[default] music, used when a class has no files").isPresent();

        for (Dialplan.Priority p : dialplan.priorities("Queue")) {
            List<String> args = p.argList();
            assertThat(args).as("Queue(name,options,URL,announce,timeout): %s", p.where()).hasSizeGreaterThan(4);
            assertThat(positiveInt(resolveGlobal(args.get(4)))).as("overall queue timeout at %s", p.where())
                    .isBetween(30, 3600);
        }
    }

    @Test
    void everyWayOutOfTheQueueEndsInALastResortThenHangup() {
        DialplanWalker walker = new DialplanWalker(dialplan);
        for (String status : List.of("TIMEOUT", "FULL", "JOINEMPTY", "LEAVEEMPTY", "JOINUNAVAIL", "LEAVEUNAVAIL")) {
            for (String voicemail : List.of("SUCCESS", "USEREXIT", "FAILED")) {
                DialplanWalker.Walk walk = walker.call("hotline-fallback", "s")
                        .channel("ENTRY_LANGUAGE", "prs")
                        .whenReturns("Queue", Map.of("QUEUESTATUS", status))
                        .whenReturns("VoiceMail", Map.of("VMSTATUS", voicemail))
                        .run();
                String what = "QUEUESTATUS=" + status + " VMSTATUS=" + voicemail;
                assertThat(walk.end()).as(what).isEqualTo(DialplanWalker.End.HANGUP);
                assertThat(walk.outcomes()).as(what).extracting(DialplanWalker.Outcome::kind).containsExactly(
                        DialplanWalker.Kind.FALLBACK_QUEUE, DialplanWalker.Kind.VOICEMAIL, DialplanWalker.Kind.HANGUP);
                List<DialplanWalker.Step> after = walk.steps().subList(walk.indexOf("VoiceMail"), walk.steps().size());
                assertThat(after).as(what + ": the caller hears something before the line closes")
                        .anySatisfy(s -> assertThat(s.app()).isEqualTo("Playback"));
                String last = walk.steps().stream().filter(s -> s.app().equals("Playback")).reduce((a, b) -> b)
                        .orElseThrow().args();
                assertThat(last).as(what).isEqualTo(voicemail.equals("SUCCESS")
                        ? "hotline/" + Prompt.VOICEMAIL_THANKS.key() : "hotline/" + Prompt.CALL_AGAIN.key());
            }
        }
        DialplanWalker.Walk noMailbox = walker.call("hotline-fallback", "s")
                .lookup("VM_INFO(1098@hotline,exists)", "0")
                .whenReturns("Queue", Map.of("QUEUESTATUS", "TIMEOUT")).run();
        assertThat(noMailbox.end()).isEqualTo(DialplanWalker.End.HANGUP);
        assertThat(noMailbox.steps("VoiceMail")).as("VoiceMail() would end the call in silence").isEmpty();
        assertThat(noMailbox.steps("Playback")).extracting(DialplanWalker.Step::args)
                .endsWith("hotline/" + Prompt.CALL_AGAIN.key());

        DialplanWalker.Walk answered = walker.call("hotline-fallback", "s")
                .whenReturns("Queue", Map.of("QUEUESTATUS", "CONTINUE")).run();
        assertThat(answered.outcomes()).extracting(DialplanWalker.Outcome::kind)
                .containsExactly(DialplanWalker.Kind.FALLBACK_QUEUE, DialplanWalker.Kind.HANGUP);
    }

    @Test
    void theLastResortMailboxExistsAndSendsNothingAnywhere() {
        Dialplan.Priority voicemail = dialplan.priorities("VoiceMail").getFirst();
        String[] box = voicemail.argList().getFirst().split("@");
        assertThat(dialplan.withoutComments()).as("VoiceMail() is guarded by a check that its mailbox exists")
                .contains("${VM_INFO(" + voicemail.argList().getFirst() + ",exists)}");
        DialplanReader.Conf conf = DialplanReader.readConf("voicemail.conf");
        assertThat(conf.require(box[1]).value(box[0])).as("mailbox %s", voicemail.argList().getFirst()).isPresent();
        assertThat(conf.require("general").value("attach")).hasValue("no");
        assertThat(conf.require("general").value("format")).hasValue("wav");
        assertThat(voicemail.argList().get(1)).as("skip VoiceMail's English instructions").contains("s");
    }

    @Test
    void dialRingsForABoundedTimeWithHoldMusic() {
        Dialplan.Priority dial = dialplan.priorities("Dial").getFirst();
        List<String> args = dial.argList();
        assertThat(positiveInt(resolveGlobal(args.get(1)))).as("ring timeout").isBetween(5, 120);
        Matcher moh = Pattern.compile("m\\(([A-Za-z0-9_-]+)\\)").matcher(args.get(2));
        assertThat(moh.find()).as("Dial option m(class): the caller hears music, not silence").isTrue();
        assertThat(DialplanReader.readConf("musiconhold.conf").section(moh.group(1))).isPresent();
        assertThat(args.get(2).replaceAll("\\([^)]*\\)", "")).as("no g option: the caller's line closes when"
                + " the operator hangs up, instead of running on into the fallback").doesNotContain("g");
        assertThat(positiveInt(dialplan.globals().get("HOTLINE_IVR_MAX_SECONDS"))).as("IVR ceiling")
                .isBetween(600, 3600);
    }

    // ---- modules, AMI, secrets -----------------------------------------------------------------------------

    @Test
    void modulesConfLoadsEverythingTheDialplanUsesAndNoCallerRecords() {
        DialplanReader.Section modules = DialplanReader.readConf("modules.conf").require("modules");
        assertThat(modules.value("autoload")).hasValue("no");
        Set<String> loaded = new TreeSet<>();
        for (String module : modules.values("load")) {
            loaded.add(module.replaceFirst("\\.so$", ""));
        }
        List<String> missing = new ArrayList<>();
        for (Dialplan.Priority p : dialplan.priorities()) {
            String app = p.app().toLowerCase(Locale.ROOT);
            if (!CORE_APPLICATIONS.contains(app)) {
                String module = APPLICATION_MODULES.get(app);
                if (module == null) {
                    missing.add("no module known for application " + p.app() + " (add it to the test): " + p.where());
                } else if (!loaded.contains(module)) {
                    missing.add(module + " for " + p.app() + ": " + p.where());
                }
            }
            for (String function : functionsUsed(p)) {
                String module = FUNCTION_MODULES.get(function);
                if (module == null) {
                    missing.add("no module known for function " + function + " (add it to the test): " + p.where());
                } else if (!loaded.contains(module)) {
                    missing.add(module + " for " + function + ": " + p.where());
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(loaded).contains("pbx_config", "chan_pjsip", "res_pjsip", "res_pjsip_session", "res_pjsip_pubsub",
                "res_musiconhold", "format_wav", "codec_ulaw", "codec_alaw", "bridge_simple");
        assertThat(loaded).as("CDR/CEL back-ends would store raw caller numbers")
                .noneMatch(m -> m.startsWith("cdr_") || m.startsWith("cel_"));
    }

    /**
     * AMI is on for call control only, with least privilege: loopback, no HTTP, one user ({@code hotline}) limited
     * to loopback by its own permit/deny, writing exactly call, originate and reporting (each justified in
     * manager.conf) and reading call and system. No user, commented-out examples included, may ever write system,
     * command, config, agi, user, dtmf or all, and no other user may originate or act on calls.
     */
    @Test
    void managerInterfaceIsLoopbackOnlyWithOneLeastPrivilegeUserForCallControl() {
        String file = DialplanReader.text(DialplanReader.confFile("manager.conf"));
        DialplanReader.Conf manager = DialplanReader.parseConf(file, "manager.conf");
        DialplanReader.Section general = manager.require("general");
        boolean enabled = general.value("enabled").map(v -> v.matches("(?i)yes|true|on|1")).orElse(false);
        assertThat(enabled).as("AMI is on: call control needs it").isTrue();
        assertThat(general.value("bindaddr")).as("AMI bind address").hasValueSatisfying(
                a -> assertThat(a).isIn("127.0.0.1", "::1"));
        assertThat(general.value("webenabled").orElse("no")).isEqualToIgnoringCase("no");

        List<String> users = manager.sections().stream().map(DialplanReader.Section::name)
                .filter(name -> !name.equals("general")).toList();
        assertThat(users).as("one AMI user: Hotline's call control").containsExactly(CALL_CONTROL_USER);
        DialplanReader.Section hotline = manager.require(CALL_CONTROL_USER);
        assertThat(classes(hotline.value("write").orElse(""))).as("what call control may do")
                .containsExactlyInAnyOrder("call", "originate", "reporting");
        assertThat(classes(hotline.value("read").orElse(""))).as("what call control may hear")
                .containsExactlyInAnyOrder("call", "system", "user");
        assertThat(file).as("of the user class, only the on-call acknowledgement is sent").contains(
                "eventfilter(action(include),name(UserEvent),header(UserEvent),method(exact)) = HotlineOncallAck");
        assertThat(hotline.values("deny")).as("deny everyone first").contains("0.0.0.0/0.0.0.0");
        assertThat(hotline.values("permit")).as("then loopback only")
                .isNotEmpty().allMatch(p -> p.equals("127.0.0.1/255.255.255.255") || p.equals("::1/128"));

        // Every write= line, commented-out examples included: whoever uncomments one must get a safe user.
        Matcher write = Pattern.compile("(?m)^\\s*;?\\s*write\\s*=\\s*(.*)$").matcher(file);
        int writes = 0;
        while (write.find()) {
            writes++;
            assertThat(classes(write.group(1))).as("manager.conf write=%s", write.group(1))
                    .doesNotContain("system", "command", "config", "agi", "user", "dtmf", "all")
                    .isSubsetOf("call", "originate", "reporting");
        }
        assertThat(writes).as("only the call-control user writes").isEqualTo(1);
    }

    /** Every extension call control's AMI actions name exists in [hotline-callcontrol], and Dial leads there. */
    @Test
    void callControlExtensionsExistAndTheAnsweredCallEntersItsConference() {
        Dialplan.Context context = dialplan.contexts().get(CALL_CONTROL_CONTEXT);
        assertThat(context).as("[%s]", CALL_CONTROL_CONTEXT).isNotNull();
        assertThat(context.extensions().keySet()).containsExactlyInAnyOrder("answered", "caller-answered", "caller",
                "operator", "interpreter", "barge", "listen", "whisper", "hold", "fallback", "oncall");
        Dialplan.Priority dial = dialplan.priorities("Dial").getFirst();
        assertThat(dial.argList().get(2)).contains("G(" + CALL_CONTROL_CONTEXT + "^answered^1)");
        DialplanReader.Conf confbridge = DialplanReader.readConf("confbridge.conf");
        for (Dialplan.Priority p : dialplan.priorities("ConfBridge")) {
            List<String> args = p.argList();
            assertThat(args.get(0)).as(p.where()).isEqualTo("${FILTER(0-9a-z\\-,${" + ChannelVariables.ROOM + "})}");
            for (String profile : args.subList(1, 4)) {
                assertThat(confbridge.section(profile)).as("confbridge.conf [%s] for %s", profile, p.where())
                        .isPresent();
            }
        }
        DialplanReader.Section operator = confbridge.require("hotline_operator");
        assertThat(operator.value("marked")).hasValue("yes");
        for (String other : List.of("hotline_caller", "hotline_guest", "hotline_supervisor")) {
            assertThat(confbridge.require(other).value("end_marked")).as("[%s] leaves with the last operator", other)
                    .hasValue("yes");
        }
        assertThat(confbridge.require("hotline_bridge").value("record_conference")).hasValue("no");
    }

    private static Set<String> classes(String value) {
        return Set.of(value.strip().toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
    }

    @Test
    void noSecretIsCommittedAndSipContextsExist() {
        String pjsip = DialplanReader.text(DialplanReader.confFile("pjsip.conf"));
        DialplanReader.parseConf(pjsip, "pjsip.conf");
        Matcher secret = Pattern.compile("(?mi)^\\s*;?\\s*(password|secret|md5_cred|password_digest)\\s*=\\s*(\\S*)")
                .matcher(pjsip);
        int secrets = 0;
        while (secret.find()) {
            secrets++;
            assertThat(secret.group(2)).as("pjsip.conf %s= must be a CHANGE_ME placeholder", secret.group(1))
                    .startsWith("CHANGE_ME");
        }
        assertThat(secrets).as("the examples show where passwords go").isPositive();
        Matcher context = Pattern.compile("context\\s*=\\s*([A-Za-z0-9_-]+)").matcher(pjsip);
        int contexts = 0;
        while (context.find()) {
            contexts++;
            assertThat(dialplan.contexts()).as("pjsip.conf context=%s", context.group(1))
                    .containsKey(context.group(1));
        }
        assertThat(contexts).isPositive();

        DialplanReader.Section mailboxes = DialplanReader.readConf("voicemail.conf").require("hotline");
        for (DialplanReader.Entry box : mailboxes.entries()) {
            assertThat(box.value().split(",")[0]).as("voicemail.conf PIN of %s", box.key()).startsWith("CHANGE_ME");
        }
        String managerText = DialplanReader.text(DialplanReader.confFile("manager.conf"));
        Matcher amiSecret = Pattern.compile("(?mi)^\\s*;?\\s*secret\\s*=\\s*(\\S*)").matcher(managerText);
        while (amiSecret.find()) {
            assertThat(amiSecret.group(1)).startsWith("CHANGE_ME");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The HOTLINE_* names declared in ChannelVariables (public static final String constants), by reflection. */
    static Set<String> contractVariables() {
        Set<String> names = new TreeSet<>();
        for (Field field : ChannelVariables.class.getDeclaredFields()) {
            int mod = field.getModifiers();
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && Modifier.isFinal(mod)
                    && field.getType() == String.class) {
                try {
                    String value = (String) field.get(null);
                    if (value.startsWith("HOTLINE_")) {
                        names.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(names).as("ChannelVariables declares the contract").isNotEmpty();
        return names;
    }

    /** Plain variable names the dialplan assigns with Set(NAME=...). */
    private Set<String> variablesSetByDialplan() {
        Set<String> names = new TreeSet<>();
        for (Dialplan.Priority p : dialplan.priorities("Set")) {
            String name = p.args().substring(0, Math.max(0, p.args().indexOf('='))).strip();
            if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Functions read with ${FUNC(...)} or written with Set(FUNC(...)=...). */
    private static Set<String> functionsUsed(Dialplan.Priority p) {
        Set<String> functions = new TreeSet<>();
        for (Dialplan.Reference ref : Dialplan.references(p.args())) {
            if (ref.function()) {
                functions.add(ref.name().toUpperCase(Locale.ROOT));
            }
        }
        if (p.is("Set")) {
            Matcher m = Pattern.compile("^([A-Za-z_]+)\\(").matcher(p.args());
            if (m.find()) {
                functions.add(m.group(1).toUpperCase(Locale.ROOT));
            }
        }
        return functions;
    }

    private static boolean isHangupHandlerPush(Dialplan.Priority p) {
        return p.is("Set") && p.args().startsWith("CHANNEL(hangup_handler_push)=");
    }

    /** Where the hangup handler's Originate sends the Local channel. */
    private Dialplan.Target endReport() {
        Matcher local = Pattern.compile("Local/([^@]+)@([A-Za-z0-9_-]+)")
                .matcher(dialplan.priorities("Originate").getFirst().argList().getFirst());
        assertThat(local.matches()).isTrue();
        return new Dialplan.Target(local.group(2), local.group(1), "1", List.of());
    }

    private Dialplan.Target hangupHandler() {
        List<Dialplan.Priority> pushes = dialplan.priorities("Set").stream().filter(DialplanTest::isHangupHandlerPush)
                .toList();
        assertThat(pushes).as("exactly one hangup handler").hasSize(1);
        return targets(pushes.getFirst()).getFirst();
    }

    /** Every jump target a priority names (both branches of a conditional). */
    private static List<Dialplan.Target> targets(Dialplan.Priority p) {
        List<Dialplan.Target> out = new ArrayList<>();
        String app = p.app().toLowerCase(Locale.ROOT);
        switch (app) {
            case "goto", "gosub" -> out.add(Dialplan.parseTarget(p.args(), p.context(), p.exten()));
            case "gotoif", "gosubif" -> {
                Dialplan.Conditional c = Dialplan.parseConditional(p.args());
                for (String branch : List.of(c.ifTrue(), c.ifFalse())) {
                    if (!branch.isBlank()) {
                        out.add(Dialplan.parseTarget(branch, p.context(), p.exten()));
                    }
                }
            }
            case "set" -> {
                if (isHangupHandlerPush(p)) {
                    String spec = p.args().substring("CHANNEL(hangup_handler_push)=".length());
                    out.add(Dialplan.parseTarget(spec, p.context(), p.exten()));
                }
            }
            default -> {
            }
        }
        return out;
    }

    private String resolveGlobal(String value) {
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)\\}").matcher(value.strip());
        if (m.matches()) {
            String global = dialplan.globals().get(m.group(1));
            assertThat(global).as("[globals] %s", m.group(1)).isNotNull();
            return global;
        }
        return value.strip();
    }

    private static int positiveInt(String value) {
        assertThat(value).as("a positive whole number").matches("[1-9]\\d*");
        return Integer.parseInt(value);
    }

    /** The one Playback that is no prompt: a paged duty person hears the emergency voice message. */
    private static boolean isOnCallMessage(Dialplan.Priority p, String file) {
        return "hotline-oncall".equals(p.context())
                && file.equals("${HOTLINE_VOICEMAIL_DIR}/${FILTER(0-9a-f\\-,${HOTLINE_MESSAGE})}");
    }

    /**
     * Staff prompts are kept apart from the callers' (the six-language test above): every hotline-staff/<key> the
     * dialplan plays or reads with exists in every staff manifest, a key ending in the caller's language once for
     * each of the six, and the staff manifests hold the same keys.
     */
    @Test
    void everyStaffPromptIsInEveryStaffManifest() throws IOException {
        Map<String, String> used = new LinkedHashMap<>();
        for (Dialplan.Priority p : dialplan.priorities()) {
            List<String> files = p.is("Playback") || p.is("Background") ? List.of(p.argList().getFirst().split("&"))
                    : p.is("Read") && p.argList().size() > 1 ? List.of(p.argList().get(1)) : List.of();
            for (String file : files) {
                Matcher m = STAFF_PROMPT.matcher(file.strip());
                if (!m.matches()) {
                    continue;
                }
                assertThat(p.context()).as("staff prompts only where staff are: %s", p.where())
                        .isEqualTo("hotline-oncall");
                if (m.group(2) == null) {
                    used.put(m.group(1), p.where());
                } else {
                    LANGUAGES.forEach(code -> used.put(m.group(1) + code, p.where()));
                }
            }
        }
        assertThat(used).containsKeys("page-call", "page-message", "page-declined", "press-1", "lang-prs",
                "lang-ur", "caller-gone", "message-again");
        Set<String> first = null;
        for (String language : STAFF_LANGUAGES) {
            Path manifest = DialplanReader.asteriskConf().resolve("prompts/staff/" + language + ".manifest");
            assertThat(manifest).as("staff prompt manifest for %s", language).exists();
            Set<String> keys = manifestKeys(manifest);
            for (var entry : used.entrySet()) {
                assertThat(keys).as("%s in %s (used at %s)", entry.getKey(), manifest, entry.getValue())
                        .contains(entry.getKey());
            }
            if (first != null) {
                assertThat(keys).as("%s holds the same keys as the other staff manifests", manifest)
                        .isEqualTo(first);
            }
            first = keys;
        }
        assertThat(dialplan.globals().get("HOTLINE_VOICEMAIL_DIR")).as("[globals] HOTLINE_VOICEMAIL_DIR is where the"
                + " IVR records (ivr.voicemail.dir), so a duty person hears the message")
                .isEqualTo(org.hotline.core.config.Settings.defaultSettings().string("ivr.voicemail.dir"));
        assertThat(dialplan.globals().get("HOTLINE_STAFF_LANGUAGE")).isIn(STAFF_LANGUAGES);
        assertThat(dialplan.priorities().stream().filter(p -> "hotline-oncall".equals(p.context()))
                .anyMatch(p -> p.args().contains("CHANNEL(language)=${HOTLINE_STAFF_LANGUAGE}")))
                .as("the page is spoken in the staff language").isTrue();
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static Set<String> manifestKeys(Path manifest) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(manifest)) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            int eq = s.indexOf('=');
            if (eq > 0) {
                keys.add(s.substring(0, eq).strip());
            }
        }
        return keys;
    }
}
