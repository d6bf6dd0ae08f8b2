print(f'{a b}')
