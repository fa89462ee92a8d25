package dev.apigw.samples.petstore;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The backend the API proxies to: a plain WebFlux controller keeping pets in memory, one
 * store per environment so the dev and prod stages show different data.
 */
@RestController
@RequestMapping("/backend/{environment}/pets")
class PetController {

	private final ConcurrentMap<String, Store> stores = new ConcurrentHashMap<>();

	@GetMapping
	Mono<List<Pet>> list(@PathVariable String environment) {
		return Mono.just(List.copyOf(store(environment).pets.values()));
	}

	@GetMapping("/{id}")
	Mono<Pet> get(@PathVariable String environment, @PathVariable int id) {
		Pet pet = store(environment).pets.get(id);
		if (pet == null) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No pet " + id));
		}
		return Mono.just(pet);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Pet> create(@PathVariable String environment, @RequestBody NewPet pet) {
		Store store = store(environment);
		int id = store.ids.incrementAndGet();
		Pet created = new Pet(id, pet.type(), pet.price());
		store.pets.put(id, created);
		return Mono.just(created);
	}

	private Store store(String environment) {
		return this.stores.computeIfAbsent(environment, (name) -> new Store());
	}

	record Pet(int id, String type, double price) {

	}

	record NewPet(String type, double price) {

	}

	private static final class Store {

		private final AtomicInteger ids = new AtomicInteger(3);

		private final Map<Integer, Pet> pets = new ConcurrentHashMap<>(Map.of(1, new Pet(1, "dog", 249.99), 2,
				new Pet(2, "cat", 124.99), 3, new Pet(3, "fish", 0.99)));

	}

}
