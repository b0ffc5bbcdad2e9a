package dev.ioflow.cli;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.core.DefinitionException;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.ItemRenderException;
import dev.ioflow.core.Payload;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.core.PayloadStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ioflow render}: the payload (with its {@code integrationKey}) the library would send for an item given as
 * JSON, rendered with the type system {@code validate} checks against (SAP's platform types, {@code --items}
 * files, and what the definitions declare); a definition {@code validate} rejects is not rendered. Virtual
 * attributes (SAP's scripts) take the value the item file gives under their payload name.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Print the payload ioflow would send for an item.",
                "The item is a JSON object shaped like the payload: nested objects are nested items, arrays are "
                        + "collections."},
        footer = {"", "Exit codes: 0 rendered, 1 invalid definition or item, 2 a file cannot be read."})
final class RenderCommand implements Callable<Integer> {
    @Option(names = "--definition", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Definition files (JSON or ImpEx; ImpEx files are read as one set).")
    private List<Path> definitions;

    @Option(names = "--io", required = true, paramLabel = "CODE", description = "The integration object's code.")
    private String io;

    @Option(names = "--item", required = true, paramLabel = "ITEM.json", description = "The item, as a JSON object.")
    private Path item;

    @Option(names = "--style", defaultValue = "plain", paramLabel = "STYLE",
            description = "Payload style: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private PayloadStyle style;

    @Option(names = "--hash", description = "Also print the payload hash, as 'hash: <hex>' on the next line.")
    private boolean hash;

    @Mixin
    private TypeSystemOptions types = new TypeSystemOptions();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ProblemPrinter problems = new ProblemPrinter(err);
        DefinitionChecker.Result checked = new DefinitionChecker(types, err).check(definitions);
        if (checked.exit() != ExitCodes.OK) {
            return checked.exit();
        }
        List<IntegrationObject> ios = checked.ios();
        IntegrationObject chosen = ios.stream().filter(d -> d.code().equals(io)).findFirst().orElse(null);
        if (chosen == null) {
            err.println(String.join(", ", definitions.stream().map(Path::toString).toList()) + ": no integration object '"
                    + io + "' (defined: " + String.join(", ", ios.stream().map(IntegrationObject::code).toList()) + ")");
            return ExitCodes.INVALID;
        }
        PayloadRenderer renderer;
        try {
            PayloadRenderer.Builder builder = PayloadRenderer.builder(chosen, checked.types()).style(style);
            VirtualValues.of(chosen).forEach(builder::virtualFunction);
            renderer = builder.build();
        } catch (DefinitionException e) {
            problems.print(definitions, chosen.code(), e.problems());
            return ExitCodes.INVALID;
        }
        try {
            Map<String, Object> itemMap = new ItemFileReader().read(item);
            print(renderer.render(itemMap));
            return ExitCodes.OK;
        } catch (ItemFileReader.BadItemException e) {
            err.println(e.getMessage());
        } catch (ItemRenderException e) {
            problems.print(item, e.getMessage());
        }
        return ExitCodes.INVALID;
    }

    private void print(Payload payload) {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        try {
            out.println(mapper.writer(pretty).writeValueAsString(mapper.readTree(payload.json())));
        } catch (IOException e) {
            throw new UncheckedIOException("the renderer produced unreadable JSON", e);
        }
        if (hash) {
            out.println("hash: " + payload.hash().toHex());
        }
    }
}
