package dev.floe.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LiteralRegexTest {
    private static final List<String> LITERAL_PATTERNS = List.of("special.*requests", ".*Customer.*Complaints.*",
            "PROMO*", "13|31|23", "ab", "a.*", ".*", "", "x*", "é.*ü", "a|", "requests.*special");
    private static final List<String> OTHER_PATTERNS = List.of("a+b", "^ab", "a.b", "[ab]", "a\\.b", "(ab)",
            "a*b", "a?", "ab$", "a{2}");

    @Test
    void literalPatternsAreRecognizedAndOthersAreNot() {
        for (String pattern : LITERAL_PATTERNS) {
            assertThat(LiteralRegex.parse(pattern)).as(pattern).isNotNull();
        }
        for (String pattern : OTHER_PATTERNS) {
            assertThat(LiteralRegex.parse(pattern)).as(pattern).isNull();
        }
    }

    @Test
    void matchesLikeJavaRegexOnRandomTexts() {
        Random random = new Random(42);
        String[] words = {"special", "requests", "Customer", "Complaints", "PROM", "PROMO", "13", "31", "a", "b",
            "é", "ü", "\n", "\r", "x", " ", "\u2028"};
        List<String> texts = new ArrayList<>();
        texts.add("");
        for (int t = 0; t < 400; t++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(6);
            for (int w = 0; w < count; w++) {
                text.append(words[random.nextInt(words.length)]);
            }
            texts.add(text.toString());
        }
        List<Object> values = new ArrayList<>(texts);
        values.add(null);
        BytesVector input = (BytesVector) Vectors.fromObjects(DataType.STRING, values);
        for (String regex : LITERAL_PATTERNS) {
            Pattern pattern = Pattern.compile(regex);
            BooleanVector fast = (BooleanVector) StringFunctions.containsLiterals(input, LiteralRegex.parse(regex),
                    pattern);
            BooleanVector slow = (BooleanVector) StringFunctions.containsRegex(input, pattern);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(fast.get(i)).as(regex + " in '" + texts.get(i) + "'").isEqualTo(slow.get(i));
            }
            assertThat(fast.isNull(texts.size())).isTrue();
        }
    }
}
