package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A small ImpEx file must not expand into an unbounded amount of text: a macro bomb is a located problem. */
class ImpexMacroBoundsTest {
    private final ImpexImporter importer = ImpexImporter.create();

    private List<DefinitionProblem> problems(String impex) {
        return catchThrowableOfType(DefinitionParseException.class, () -> importer.read(impex)).problems();
    }

    /** Ten macros, each using the one before ten times: 10^10 characters from a file of a few hundred bytes. */
    private static String bomb() {
        StringBuilder impex = new StringBuilder("$a=xxxxxxxxxx\n");
        for (char c = 'b'; c <= 'j'; c++) {
            impex.append('$').append(c).append('=').append(("$" + (char) (c - 1)).repeat(10)).append('\n');
        }
        return impex.append("INSERT_UPDATE IntegrationObject; code[unique=true]\n; $j\n").toString();
    }

    @Test
    void aMacroBombIsAProblemAtTheDefinitionThatExpandsTooFar() {
        assertThat(bomb().length()).isLessThan(400);

        List<DefinitionProblem> problems = problems(bomb());

        // $f = 10^6 characters, $g = 10^7: the budget of 4 Mi characters runs out while defining $g, on line 7
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo("impex:7:1");
        assertThat(problems.get(0).message()).contains("$f").contains("beyond 4194304 characters");
    }

    @Test
    void aBombSpreadOverManyValuesIsCaughtByTheFileBudget() {
        String impex = "$a=" + "x".repeat(100_000) + "\nINSERT_UPDATE IntegrationObject; code[unique=true]\n"
                + "; $a\n".repeat(50);

        List<DefinitionProblem> problems = problems(impex);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo("impex:44:3");
        assertThat(problems.get(0).message()).contains("beyond 4194304 characters");
    }

    @Test
    void macrosMayNestSixteenLevelsButNotSeventeen() {
        StringBuilder sixteen = new StringBuilder("$m1=x\n");
        for (int i = 2; i <= 16; i++) {
            sixteen.append("$m").append(i).append("=$m").append(i - 1).append("y\n");
        }
        String io = "INSERT_UPDATE IntegrationObject; code[unique=true]\n; $m16\n";
        assertThat(importer.read(sixteen + io)).singleElement()
                .extracting(IntegrationObject::code).isEqualTo("x" + "y".repeat(15));

        List<DefinitionProblem> problems = problems(sixteen + "$m17=$m16z\n" + io);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo("impex:17:1");
        assertThat(problems.get(0).message()).contains("$m17 nests 17 levels").contains("at most 16");
    }
}
