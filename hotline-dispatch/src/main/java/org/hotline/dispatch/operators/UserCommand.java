package org.hotline.dispatch.operators;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hotline.core.call.Language;
import org.hotline.core.config.Settings;
import org.hotline.core.id.Ids;
import org.hotline.core.security.PasswordHasher;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hotline user}: adds and manages the people who sign in. There are no default accounts; passwords are
 * read from standard input (never from the command line, where other users could see them) and stored as
 * Argon2id hashes. With the embedded database, run it while the hotline is stopped: H2 allows one process. While
 * the hotline runs, an admin does all of this (and more) on the {@code /people} page.
 */
@Command(name = "user", description = "Add and manage operators, managers and admins.",
        mixinStandardHelpOptions = true,
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class,
                UserCommand.Enable.class, UserCommand.Password.class})
public final class UserCommand {
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    static OperatorDirectory open(Database database) {
        return new JooqOperatorDirectory(database.dsl());
    }

    static Database database() {
        return Database.open(StorageConfig.from(Settings.load(System.getenv())));
    }

    /** Reads the password: hidden at a terminal, else one line of standard input. */
    static char[] readPassword(CommandSpec spec) {
        Console console = System.console();
        char[] password;
        if (console != null) {
            password = console.readPassword("Password (at least %d characters): ", MIN_PASSWORD_LENGTH);
        } else {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? new char[0] : line.toCharArray();
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read the password from standard input");
            }
        }
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new ParameterException(spec.commandLine(),
                    "the password must have at least " + MIN_PASSWORD_LENGTH + " characters (read from standard input)");
        }
        return password;
    }

    @Command(name = "add", description = "Add a person; the password is read from standard input.",
            mixinStandardHelpOptions = true)
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--username", required = true, description = "Sign-in name: lower case letters, digits, . _ -")
        String username;
        @Option(names = "--display-name", description = "Name shown on screens (default: the username)")
        String displayName;
        @Option(names = "--role", required = true, description = "operator, manager or admin")
        String role;
        @Option(names = "--languages", split = ",", description = "Languages spoken: prs,ps,tg,tk,uz,ur")
        List<String> languages = List.of();
        @Option(names = "--interpreter", description = "Can take other languages through an interpreter")
        boolean interpreter;
        @Option(names = "--endpoint", description = "Asterisk dial string of their phone, e.g. PJSIP/1001")
        String endpoint;

        @Override
        public Integer call() {
            if (!USERNAME.matcher(username).matches()) {
                throw new ParameterException(spec.commandLine(), "the username must be lower case letters, digits, . _ or -");
            }
            Role parsedRole;
            Set<Language> spoken = new LinkedHashSet<>();
            try {
                parsedRole = Role.fromCode(role);
                for (String code : languages) {
                    spoken.add(Language.requireCode(code.trim()));
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage().startsWith("unknown language")
                        ? e.getMessage() : "the role must be operator, manager or admin");
            }
            if (endpoint != null && !Ids.isDialString(endpoint)) {
                throw new ParameterException(spec.commandLine(), "the endpoint must look like PJSIP/1001");
            }
            if (parsedRole == Role.OPERATOR && (endpoint == null || spoken.isEmpty())) {
                throw new ParameterException(spec.commandLine(), "an operator needs --languages and --endpoint");
            }
            char[] password = readPassword(spec);
            String hash = new PasswordHasher().hash(password);
            Arrays.fill(password, '\0');
            try (Database database = database()) {
                OperatorDirectory directory = open(database);
                if (directory.byUsername(username).isPresent()) {
                    throw new ParameterException(spec.commandLine(), "the username " + username + " is taken");
                }
                Operator added = directory.add(new NewOperator(username, displayName == null ? username : displayName,
                        parsedRole, spoken, interpreter, endpoint), hash);
                spec.commandLine().getOut().println("Added " + added.role().code() + " " + added.username());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List everyone who can sign in.", mixinStandardHelpOptions = true)
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database database = database()) {
                for (Operator o : open(database).all()) {
                    spec.commandLine().getOut().printf("%-20s %-8s %-16s %-12s %s%n", o.username(), o.role().code(),
                            o.languages().stream().map(Language::code).sorted().collect(Collectors.joining(",")),
                            o.endpoint() == null ? "-" : o.endpoint(), o.enabled() ? "enabled" : "disabled");
                }
            }
            return 0;
        }
    }

    /** Shared by enable and disable: the username, and the one flag they set. */
    abstract static class Switch implements Callable<Integer> {
        @Parameters(index = "0", description = "username")
        String username;

        abstract boolean enabled();

        @Override
        public Integer call() {
            try (Database database = database()) {
                open(database).setEnabled(username, enabled());
            }
            return 0;
        }
    }

    @Command(name = "disable", description = "Stop a person from signing in.", mixinStandardHelpOptions = true)
    static final class Disable extends Switch {
        @Override
        boolean enabled() {
            return false;
        }
    }

    @Command(name = "enable", description = "Let a disabled person sign in again.", mixinStandardHelpOptions = true)
    static final class Enable extends Switch {
        @Override
        boolean enabled() {
            return true;
        }
    }

    @Command(name = "password", description = "Set a new password, read from standard input.",
            mixinStandardHelpOptions = true)
    static final class Password implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "username")
        String username;

        @Override
        public Integer call() {
            char[] password = readPassword(spec);
            String hash = new PasswordHasher().hash(password);
            Arrays.fill(password, '\0');
            try (Database database = database()) {
                open(database).setPasswordHash(username, hash);
            }
            return 0;
        }
    }
}
