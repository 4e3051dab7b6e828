package io.symphainy.runtime.api.admin;

import io.symphainy.runtime.core.apikey.messages.ApiKeyId;
import io.symphainy.runtime.core.apikey.messages.ApiKeyView;
import io.symphainy.runtime.core.apikey.messages.FindApiKeysQuery;
import io.symphainy.runtime.core.apikey.messages.IssueApiKeyCommand;
import io.symphainy.runtime.core.apikey.messages.RevokeApiKeyCommand;
import io.symphainy.runtime.api.error.FieldViolation;
import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.error.Problems;
import io.symphainy.runtime.api.security.ApiKeyRegistry;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.security.TenantGuard;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.common.messages.UserId;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys administrators issue for their own tenant, shown once and revocable.
 */
@RestController
public class ApiKeyController {

    private final RuntimeCommands commands;
    private final QueryGateway queries;

    ApiKeyController(RuntimeCommands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping("/admin/api-keys")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<ApiKeyResponse> issue(RuntimePrincipal caller,
                                                @Valid @RequestBody IssueApiKeyRequest request) {
        TenantGuard.requireSameTenant(caller, request.tenantId());
        List<String> roles = roles(request.roles());
        ApiKeyId keyId = ApiKeyId.random();
        String key = IssuedKeys.newKey();
        commands.send(caller, null, new IssueApiKeyCommand(keyId, RuntimeCommands.tenantOf(caller),
                new UserId(request.userId()), roles, request.description(), ApiKeyRegistry.hash(key)));
        ApiKeyView issued = find(caller, keyId).orElseThrow(() -> new IllegalStateException(
                "API key " + keyId + " was recorded but not projected"));
        return ResponseEntity.created(URI.create("/admin/api-keys/" + keyId)).body(ApiKeyResponse.withKey(issued, key));
    }

    @GetMapping("/admin/api-keys")
    @PreAuthorize("hasRole('ADMIN')")
    public ApiKeyListResponse list(RuntimePrincipal caller) {
        return new ApiKeyListResponse(keys(caller).stream().map(ApiKeyResponse::of).toList());
    }

    @DeleteMapping("/admin/api-keys/{key_id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> revoke(RuntimePrincipal caller, @PathVariable("key_id") UUID rawId) {
        ApiKeyId keyId = new ApiKeyId(rawId);
        ProblemException notFound = new ProblemException(ProblemCode.API_KEY_NOT_FOUND,
                "API key " + keyId + " not found");
        if (find(caller, keyId).isEmpty()) {
            throw notFound;
        }
        commands.sendToExisting(caller, null, new RevokeApiKeyCommand(keyId, RuntimeCommands.tenantOf(caller)),
                ProblemCode.API_KEY_NOT_FOUND, notFound.detail());
        return ResponseEntity.noContent().build();
    }

    private List<ApiKeyView> keys(RuntimePrincipal caller) {
        return queries.query(new FindApiKeysQuery(RuntimeCommands.tenantOf(caller)),
                ResponseTypes.multipleInstancesOf(ApiKeyView.class)).join();
    }

    private Optional<ApiKeyView> find(RuntimePrincipal caller, ApiKeyId keyId) {
        return keys(caller).stream().filter(key -> key.keyId().equals(keyId)).findFirst();
    }

    private static List<String> roles(List<String> names) {
        List<FieldViolation> unknown = new ArrayList<>();
        for (int index = 0; index < names.size(); index++) {
            String field = "roles[" + index + "]";
            IssuedKeys.roleProblem(names.get(index))
                    .ifPresent(problem -> unknown.add(new FieldViolation(field, problem)));
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "The request has invalid or missing values.",
                    Map.of(Problems.ERRORS_PROPERTY, unknown));
        }
        return names.stream().distinct().toList();
    }
}
