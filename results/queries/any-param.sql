-- Any param, by its flattened key, from the JSON view (here: the first layer's filter count).
SELECT run_id,
       json_extract(params, '$."model.layers[0].filters"') AS first_filters,
       json_extract(params, '$."optimizer.type"') AS optimizer
FROM run_params
ORDER BY run_id DESC
LIMIT 20;
