package io.symphainy.runtime.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ValidationErrorsTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    private final ValidationErrors errors = new ValidationErrors(
            new FieldNames(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)));

    record Line(@NotNull Integer unitCount) {
    }

    record Order(@NotBlank String customerName, @Valid List<Line> lines) {
    }

    /** A service method validated by a Bean Validation interceptor. */
    static class OrderService {
        @SuppressWarnings("unused")
        void place(@Valid Order order, @Min(1) int pageSize, @Valid List<Line> extraLines) {
        }
    }

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @Test
    void methodAndParameterNodesGiveWayToTheFieldsTheClientSent() throws NoSuchMethodException {
        Method place = OrderService.class.getDeclaredMethod("place", Order.class, int.class, List.class);
        Object[] arguments = {new Order(" ", List.of(new Line(null))), 0, List.of(new Line(null))};

        var violations = validator.forExecutables().validateParameters(new OrderService(), place, arguments);

        assertThat(errors.of(violations)).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                "customer_name", "lines[0].unit_count", "page_size", "extra_lines[0].unit_count");
    }

    @Test
    void beanViolationsUseSnakeCasePaths() {
        var violations = validator.validate(new Order("x", List.of(new Line(1), new Line(null))));

        assertThat(errors.of(violations)).containsExactly(new FieldViolation("lines[1].unit_count",
                "must not be null"));
    }
}
